package org.parley.persistence.cassandra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The java binary the Cassandra child runs on. Cassandra 5.0 needs Java 17 here: it fails on
 * newer JDKs (security manager removal) and the module flags are Java 17's.
 */
final class ChildJava {

  static final int REQUIRED_FEATURE_VERSION = 17;

  private static final Pattern JAVA_VERSION =
      Pattern.compile("^JAVA_VERSION=\"(?:1\\.)?(\\d+)", Pattern.MULTILINE);

  private ChildJava() {}

  /** @throws EmbeddedCassandraException if there is no java binary or it is not Java 17 */
  static Path executable(Path javaHome) {
    boolean windows = System.getProperty("os.name", "").toLowerCase().startsWith("windows");
    Path java = javaHome.resolve("bin").resolve(windows ? "java.exe" : "java");
    if (!Files.isExecutable(java)) {
      throw new EmbeddedCassandraException(
          "No java executable at " + java + ". " + hint(javaHome));
    }
    Optional<Integer> version = featureVersion(javaHome);
    if (version.isPresent() && version.get() != REQUIRED_FEATURE_VERSION) {
      throw new EmbeddedCassandraException(
          "Embedded Cassandra 5.0 must run on Java " + REQUIRED_FEATURE_VERSION + ", but "
              + javaHome + " is Java " + version.get() + ". " + hint(javaHome));
    }
    return java;
  }

  /** From the JDK's {@code release} file; for the running JVM, from the runtime itself. */
  static Optional<Integer> featureVersion(Path javaHome) {
    try {
      Matcher matcher = JAVA_VERSION.matcher(Files.readString(javaHome.resolve("release")));
      if (matcher.find()) {
        return Optional.of(Integer.parseInt(matcher.group(1)));
      }
    } catch (IOException e) {
      // No release file: only the running JVM's own version can be known without starting it.
    }
    Path running = Path.of(System.getProperty("java.home")).toAbsolutePath().normalize();
    return running.equals(javaHome) ? Optional.of(Runtime.version().feature()) : Optional.empty();
  }

  private static String hint(Path javaHome) {
    return "Set parley.cassandra.embedded.java-home (env PARLEY_CASSANDRA_JAVA_HOME) to a Java "
        + REQUIRED_FEATURE_VERSION + " installation (was " + javaHome + ").";
  }
}

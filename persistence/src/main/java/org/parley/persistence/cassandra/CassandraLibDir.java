package org.parley.persistence.cassandra;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Finds the folder of Cassandra's jars (built by the {@code cassandra-dist} module) that the
 * child JVM runs on. The one place that knows where that folder may be.
 */
final class CassandraLibDir {

  /** Set by Failsafe for integration tests, and usable by anyone to point at a folder. */
  static final String SYSTEM_PROPERTY = "parley.cassandra.embedded.lib-dir";

  static final String FOLDER_NAME = "cassandra-lib";

  private CassandraLibDir() {}

  /**
   * The configured folder if there is one (no fallback: a wrong setting must not be papered
   * over), else the first usable of: the system property, {@code cassandra-lib} next to the
   * running jar, {@code cassandra-dist/target/cassandra-lib} under the working directory.
   *
   * @throws EmbeddedCassandraException naming every folder tried
   */
  static Path locate(Optional<Path> configured) {
    return firstUsable(configured.map(List::of).orElseGet(CassandraLibDir::defaultCandidates));
  }

  static List<Path> defaultCandidates() {
    List<Path> candidates = new ArrayList<>();
    String property = System.getProperty(SYSTEM_PROPERTY);
    if (property != null && !property.isBlank()) {
      candidates.add(Path.of(property.trim()));
    }
    runningJar().ifPresent(jar -> candidates.add(jar.resolveSibling(FOLDER_NAME)));
    candidates.add(Path.of("cassandra-dist", "target", FOLDER_NAME));
    return candidates.stream().map(p -> p.toAbsolutePath().normalize()).toList();
  }

  static Path firstUsable(List<Path> candidates) {
    return candidates.stream()
        .filter(CassandraLibDir::holdsCassandra)
        .findFirst()
        .orElseThrow(() -> new EmbeddedCassandraException(
            "No folder of Cassandra jars found. Tried: "
                + candidates.stream().map(Path::toString).collect(Collectors.joining(", "))
                + ". Build it with 'mvn -pl cassandra-dist package', or point "
                + "parley.cassandra.embedded.lib-dir (or -D" + SYSTEM_PROPERTY
                + ") at a folder holding cassandra-all-*.jar and its dependencies."));
  }

  /** The cassandra-all jar in the folder, e.g. for logging its version. */
  static Optional<Path> cassandraJar(Path libDir) {
    try (DirectoryStream<Path> jars = Files.newDirectoryStream(libDir, "cassandra-all-*.jar")) {
      for (Path jar : jars) {
        return Optional.of(jar);
      }
      return Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static boolean holdsCassandra(Path dir) {
    return Files.isDirectory(dir) && cassandraJar(dir).isPresent();
  }

  // Empty when running from a classes folder (IDE, Maven test phase) rather than a jar.
  private static Optional<Path> runningJar() {
    try {
      var source = CassandraLibDir.class.getProtectionDomain().getCodeSource();
      if (source == null) {
        return Optional.empty();
      }
      Path location = Path.of(source.getLocation().toURI());
      return Files.isRegularFile(location) ? Optional.of(location) : Optional.empty();
    } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}

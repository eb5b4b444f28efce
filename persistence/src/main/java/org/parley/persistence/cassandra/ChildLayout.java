package org.parley.persistence.cassandra;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where the launcher puts things in the data dir: Cassandra's own folders (named in the yaml)
 * beside {@code conf/}, {@code logs/} and {@code launcher/}.
 */
record ChildLayout(Path dataDir) {

  Path confDir() {
    return dataDir.resolve("conf");
  }

  Path logDir() {
    return dataDir.resolve("logs");
  }

  Path yaml() {
    return confDir().resolve("cassandra.yaml");
  }

  Path logback() {
    return confDir().resolve("logback.xml");
  }

  /** Cassandra warns at start-up when its triggers folder is missing; Parley uses no triggers. */
  Path triggersDir() {
    return confDir().resolve("triggers");
  }

  /** The child's stdout and stderr: JVM warnings and anything logged before logback is up. */
  Path stdoutLog() {
    return logDir().resolve("stdout.log");
  }

  Path systemLog() {
    return logDir().resolve(CassandraLogback.LOG_FILE);
  }

  /** Holds only {@link CassandraChildMain}'s class file, so none of the server's jars leak in. */
  Path launcherDir() {
    return dataDir.resolve("launcher");
  }

  String classpath(Path libDir) {
    return launcherDir() + File.pathSeparator + libDir.resolve("*");
  }

  /** Creates the folders and (re)writes the generated files. */
  void prepare(int storagePort, int nativePort) {
    try {
      Files.createDirectories(confDir());
      Files.createDirectories(logDir());
      Files.createDirectories(triggersDir());
      Files.writeString(yaml(), CassandraYaml.render(dataDir, storagePort, nativePort));
      Files.writeString(logback(), CassandraLogback.render(logDir()));
      installChildMain();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not prepare Cassandra data dir " + dataDir, e);
    }
  }

  private void installChildMain() throws IOException {
    String classFile = CassandraChildMain.class.getName().replace('.', '/') + ".class";
    Path target = launcherDir().resolve(classFile);
    Files.createDirectories(target.getParent());
    try (InputStream in = CassandraChildMain.class.getClassLoader().getResourceAsStream(classFile)) {
      if (in == null) {
        throw new IOException("Class file " + classFile + " not found on the classpath");
      }
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}

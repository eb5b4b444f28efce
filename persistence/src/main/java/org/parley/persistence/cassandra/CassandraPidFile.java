package org.parley.persistence.cassandra;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * Records which child process owns a data dir. Two Cassandras on one data dir corrupt it, and a
 * child can survive a crashed launcher, so every start checks the previous run's record first.
 */
final class CassandraPidFile {

  static final String NAME = "cassandra.pid";

  private final Path file;

  CassandraPidFile(Path dataDir) {
    this.file = dataDir.resolve(NAME);
  }

  /**
   * @throws EmbeddedCassandraException if the Cassandra recorded here is still running
   */
  void checkNoLiveCassandra() {
    Optional<Properties> recorded = read();
    if (recorded.isEmpty()) {
      return;
    }
    long pid = Long.parseLong(recorded.get().getProperty("pid", "-1"));
    Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    if (process.isPresent() && mayBeCassandra(process.get())) {
      throw new EmbeddedCassandraException(
          "A Cassandra from a previous run (pid " + pid + ") is still running on data dir "
              + file.getParent() + ", CQL port " + recorded.get().getProperty("native-port", "?")
              + ". Starting a second one would corrupt the data. Stop it first ('kill " + pid
              + "' drains it cleanly in a few seconds); if that pid is not Cassandra, delete "
              + file + ".");
    }
    deleteQuietly();
  }

  void write(long pid, int nativePort) {
    Properties properties = new Properties();
    properties.setProperty("pid", Long.toString(pid));
    properties.setProperty("native-port", Integer.toString(nativePort));
    try (Writer out = Files.newBufferedWriter(file)) {
      properties.store(out, "Embedded Cassandra started by Parley; deleted when it stops");
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write " + file, e);
    }
  }

  void deleteIfOwnedBy(long pid) {
    read()
        .filter(p -> Long.toString(pid).equals(p.getProperty("pid")))
        .ifPresent(p -> deleteQuietly());
  }

  private Optional<Properties> read() {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try (Reader in = Files.newBufferedReader(file)) {
      Properties properties = new Properties();
      properties.load(in);
      return Optional.of(properties);
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  // The pid may have been reused by an unrelated process since; when the command line cannot be
  // read (another user's process), assume the worst.
  private static boolean mayBeCassandra(ProcessHandle process) {
    return process.info().commandLine()
        .map(line -> line.contains(CassandraChildMain.class.getSimpleName())
            || line.contains(CassandraChildMain.CASSANDRA_DAEMON))
        .orElse(true);
  }

  private void deleteQuietly() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // A stale record only costs a liveness check next time.
    }
  }
}

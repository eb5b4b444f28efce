package org.parley.persistence.cassandra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.CqlSession;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedCassandraIT {

  @TempDir Path dataDir;

  @Test
  void dataWrittenByOneRunIsThereAfterStopAndRestartOnTheSameDataDir() {
    EmbeddedCassandraSettings settings = settings(dataDir);

    try (EmbeddedCassandra first = EmbeddedCassandra.start(settings);
        CqlSession session = connect(first)) {
      assertTrue(session.execute("SELECT release_version FROM system.local").one()
          .getString("release_version").startsWith("5.0."));
      session.execute("CREATE KEYSPACE restart_check WITH replication = "
          + "{'class': 'SimpleStrategy', 'replication_factor': 1}");
      session.execute("CREATE TABLE restart_check.notes (id text PRIMARY KEY, body text)");
      session.execute("INSERT INTO restart_check.notes (id, body) VALUES ('n1', 'survives restarts')");
    }

    try (EmbeddedCassandra second = EmbeddedCassandra.start(settings);
        CqlSession session = connect(second)) {
      assertEquals("survives restarts", session.execute(
          "SELECT body FROM restart_check.notes WHERE id = 'n1'").one().getString("body"));
    }
  }

  @Test
  void aSecondCassandraOnADataDirInUseIsRefusedBeforeItTouchesTheData() {
    EmbeddedCassandraSettings settings = settings(dataDir);

    try (EmbeddedCassandra running = EmbeddedCassandra.start(settings)) {
      EmbeddedCassandraException e =
          assertThrows(EmbeddedCassandraException.class, () -> EmbeddedCassandra.start(settings));

      assertTrue(e.getMessage().contains("still running on data dir " + dataDir), e.getMessage());
      assertTrue(e.getMessage().contains("CQL port " + running.nativePort()), e.getMessage());
      try (CqlSession session = connect(running)) {
        assertFalse(session.execute("SELECT release_version FROM system.local").all().isEmpty());
      }
    }
    assertFalse(Files.exists(dataDir.resolve(CassandraPidFile.NAME)), "pid file removed on close");
  }

  @Test
  void aMissingLibDirIsReportedWithTheFolderTried() {
    Path missing = dataDir.resolve("no-cassandra-here");

    EmbeddedCassandraException e = assertThrows(EmbeddedCassandraException.class,
        () -> EmbeddedCassandra.start(settings(dataDir).withLibDir(missing)));

    assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("cassandra-dist"), e.getMessage());
  }

  @Test
  void aStartThatTakesTooLongKillsTheChildAndShowsItsLog() {
    EmbeddedCassandraSettings impatient = new EmbeddedCassandraSettings(
        dataDir, settings(dataDir).libDir(), 0, 0, settings(dataDir).javaHome(),
        settings(dataDir).maxHeapBytes(), Duration.ofMillis(300));

    EmbeddedCassandraException e =
        assertThrows(EmbeddedCassandraException.class, () -> EmbeddedCassandra.start(impatient));

    assertTrue(e.getMessage().contains("did not open CQL port"), e.getMessage());
    assertTrue(e.getMessage().contains("last lines of " + dataDir.resolve("logs/stdout.log")),
        e.getMessage());
    assertFalse(Files.exists(dataDir.resolve(CassandraPidFile.NAME)), "child killed, pid file removed");
  }

  static EmbeddedCassandraSettings settings(Path dataDir) {
    return CassandraSettings.fromConfig(ConfigFactory.parseMap(Map.of(
            "parley.cassandra.embedded.data-dir", dataDir.toString(),
            "parley.cassandra.embedded.native-port", 0,
            "parley.cassandra.embedded.storage-port", 0))
        .withFallback(ConfigFactory.load()))
        .embedded();
  }

  static CqlSession connect(EmbeddedCassandra cassandra) {
    return TestSessions.connect(cassandra.nativePort());
  }
}

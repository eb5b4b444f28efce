package org.parley.persistence.cassandra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CassandraLibDirTest {

  @TempDir Path tmp;

  @Test
  void theFirstFolderHoldingCassandraWins() throws IOException {
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    Path first = cassandraLib("first");
    Path second = cassandraLib("second");

    assertEquals(first, CassandraLibDir.firstUsable(List.of(tmp.resolve("missing"), empty, first, second)));
  }

  @Test
  void noUsableFolderIsReportedWithEveryFolderTried() throws IOException {
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    Path missing = tmp.resolve("missing");

    EmbeddedCassandraException e = assertThrows(EmbeddedCassandraException.class,
        () -> CassandraLibDir.firstUsable(List.of(missing, empty)));

    assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    assertTrue(e.getMessage().contains(empty.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("mvn -pl cassandra-dist package"), e.getMessage());
  }

  @Test
  void aConfiguredFolderIsTheOnlyOneTried() {
    Path missing = tmp.resolve("configured");

    EmbeddedCassandraException e = assertThrows(EmbeddedCassandraException.class,
        () -> CassandraLibDir.locate(Optional.of(missing)));

    assertTrue(e.getMessage().contains("Tried: " + missing + "."), e.getMessage());
  }

  @Test
  void theSystemPropertyComesBeforeTheBuildFolder() {
    String previous = System.getProperty(CassandraLibDir.SYSTEM_PROPERTY);
    try {
      System.setProperty(CassandraLibDir.SYSTEM_PROPERTY, tmp.toString());
      List<Path> candidates = CassandraLibDir.defaultCandidates();

      assertEquals(tmp, candidates.get(0));
      assertEquals(Path.of("cassandra-dist/target/cassandra-lib").toAbsolutePath(),
          candidates.get(candidates.size() - 1));
    } finally {
      if (previous == null) {
        System.clearProperty(CassandraLibDir.SYSTEM_PROPERTY);
      } else {
        System.setProperty(CassandraLibDir.SYSTEM_PROPERTY, previous);
      }
    }
  }

  private Path cassandraLib(String name) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve(name));
    Files.createFile(dir.resolve("cassandra-all-5.0.6.jar"));
    return dir;
  }
}

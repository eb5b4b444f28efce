package org.parley.persistence.cassandra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CassandraYamlTest {

  private final Path dataDir = Path.of("/srv/parley/cassandra");

  @Test
  void nodeListensOnLoopbackWithTheGivenPortsAndIsItsOwnSeed() {
    List<String> lines = CassandraYaml.render(dataDir, 7011, 9099).lines().toList();

    assertTrue(lines.contains("listen_address: 127.0.0.1"));
    assertTrue(lines.contains("rpc_address: 127.0.0.1"));
    assertTrue(lines.contains("storage_port: 7011"));
    assertTrue(lines.contains("native_transport_port: 9099"));
    assertTrue(lines.contains("      - seeds: \"127.0.0.1:7011\""));
  }

  @Test
  void singleTokenNodeInDatacenter1() {
    List<String> lines = CassandraYaml.render(dataDir, 7000, 9042).lines().toList();

    assertTrue(lines.contains("num_tokens: 1"));
    assertTrue(lines.contains("endpoint_snitch: SimpleSnitch"));
    assertTrue(lines.contains("partitioner: org.apache.cassandra.dht.Murmur3Partitioner"));
    assertTrue(lines.contains("commitlog_sync: periodic"));
  }

  @Test
  void everyFolderCassandraWritesIsUnderTheDataDir() {
    List<String> lines = CassandraYaml.render(dataDir, 7000, 9042).lines().toList();

    assertTrue(lines.contains("  - \"/srv/parley/cassandra/data\""));
    assertTrue(lines.contains("commitlog_directory: \"/srv/parley/cassandra/commitlog\""));
    assertTrue(lines.contains("saved_caches_directory: \"/srv/parley/cassandra/saved_caches\""));
    assertTrue(lines.contains("hints_directory: \"/srv/parley/cassandra/hints\""));
    assertTrue(lines.contains("cdc_raw_directory: \"/srv/parley/cassandra/cdc_raw\""));
  }

  @Test
  void pathsWithSpacesColonsAndQuotesStayOneYamlString() {
    assertEquals("\"/tmp/my data: \\\"x\\\" #1\"", CassandraYaml.quoted(Path.of("/tmp/my data: \"x\" #1")));
    assertEquals("\"C:\\\\parley\"", CassandraYaml.quoted(Path.of("C:\\parley")));
  }
}

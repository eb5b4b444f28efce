package org.parley.persistence.cassandra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.persistence.cassandra.KeyspaceAndTableStatements;
import org.apache.pekko.persistence.cassandra.PluginSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * schema.cql must create exactly what the plugin would autocreate with this module's config, or
 * production (script) and development (autocreate) drift apart, e.g. after a plugin upgrade.
 */
class SchemaCqlTest {

  private static ActorSystem system;
  private static KeyspaceAndTableStatements plugin;

  @BeforeAll
  static void pluginStatements() {
    system = ActorSystem.create("schema-cql-test", ConfigFactory.load());
    // PluginSettings is the plugin's internal API, but the only way to its public statements.
    plugin = new KeyspaceAndTableStatements(
        system, CassandraBootstrap.PLUGIN_PATH, PluginSettings.apply(system));
  }

  @AfterAll
  static void stopSystem() {
    system.terminate();
  }

  @Test
  void scriptCreatesExactlyThePluginsTables() {
    List<String> expected = Stream.concat(
            plugin.getCreateJournalTablesStatements().stream(),
            plugin.getCreateSnapshotTablesStatements().stream())
        .map(SchemaCql::normalized)
        .toList();

    List<String> actual = SchemaCql.statements(SchemaCql.text()).stream()
        .filter(statement -> statement.startsWith("CREATE TABLE"))
        .map(SchemaCql::normalized)
        .toList();

    assertEquals(expected, actual);
  }

  @Test
  void scriptCreatesBothKeyspacesWithReplicationForOperatorsToSet() {
    List<String> keyspaces = new ArrayList<>();
    for (String statement : SchemaCql.statements(SchemaCql.text())) {
      if (statement.startsWith("CREATE KEYSPACE")) {
        keyspaces.add(statement.split("\\s+")[5]);
        assertTrue(statement.contains("'NetworkTopologyStrategy'"), statement);
      }
    }

    assertEquals(List.of("parley_journal", "parley_snapshot"), keyspaces);
    assertTrue(plugin.createJournalKeyspaceStatement().contains("parley_journal"));
    assertTrue(plugin.createSnapshotKeyspaceStatement().contains("parley_snapshot"));
  }
}

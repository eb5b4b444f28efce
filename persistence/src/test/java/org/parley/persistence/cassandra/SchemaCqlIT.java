package org.parley.persistence.cassandra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.datastax.oss.driver.api.core.CqlSession;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.parley.persistence.testing.TestCassandra;

/** The production script is valid CQL for Cassandra 5.0 and creates all seven tables. */
class SchemaCqlIT {

  @Test
  void productionScriptRunsOnCassandra5() {
    // Own keyspace names (the plugin's may already exist here) and one replica for one node.
    String script = SchemaCql.text()
        .replace("parley_journal", "schema_check_journal")
        .replace("parley_snapshot", "schema_check_snapshot")
        .replace("'datacenter1' : 3", "'datacenter1' : 1");

    try (CqlSession session = TestSessions.connect(TestCassandra.get().nativePort())) {
      SchemaCql.statements(script).forEach(session::execute);

      Set<String> tables = session.execute("SELECT keyspace_name, table_name FROM system_schema.tables "
              + "WHERE keyspace_name IN ('schema_check_journal', 'schema_check_snapshot')")
          .all().stream()
          .map(row -> row.getString("keyspace_name") + "." + row.getString("table_name"))
          .collect(Collectors.toSet());
      assertEquals(Set.of(
          "schema_check_journal.messages",
          "schema_check_journal.tag_views",
          "schema_check_journal.tag_write_progress",
          "schema_check_journal.tag_scanning",
          "schema_check_journal.metadata",
          "schema_check_journal.all_persistence_ids",
          "schema_check_snapshot.snapshots"), tables);
    }
  }
}

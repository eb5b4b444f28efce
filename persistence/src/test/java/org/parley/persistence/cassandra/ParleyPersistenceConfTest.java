package org.parley.persistence.cassandra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;

class ParleyPersistenceConfTest {

  @Test
  void referenceConfWiresTheCassandraPluginWithSchemaCreationOff() {
    Config config = ConfigFactory.load();

    assertWiredToParleysKeyspaces(config);
    CassandraBootstrapTest.assertAutocreate(config, false);
    assertTrue(config.getBoolean("pekko.persistence.cassandra.events-by-tag.enabled"));
    assertEquals("Hour", config.getString("pekko.persistence.cassandra.events-by-tag.bucket-size"));
    assertTrue(config.getBoolean("datastax-java-driver.advanced.reconnect-on-init"));
    assertEquals("datacenter1",
        config.getString("datastax-java-driver.basic.load-balancing-policy.local-datacenter"));
  }

  @Test
  void includedFromTheApplicationConfTheWiringBeatsPekkoDefaultsConcatenatedAfterIt() {
    // What a shaded jar's reference.conf can end up with: Pekko's and the plugin's defaults last.
    Config shadedReference = ConfigFactory.parseString("""
            pekko.persistence.journal.plugin = ""
            pekko.persistence.snapshot-store.plugin = ""
            pekko.persistence.cassandra.journal.keyspace = "pekko"
            pekko.persistence.cassandra.snapshot.keyspace = "pekko_snapshot"
            """)
        .withFallback(ConfigFactory.defaultReference());
    Config application = ConfigFactory.parseString("include \"parley-persistence.conf\"");

    assertWiredToParleysKeyspaces(application.withFallback(shadedReference).resolve());
  }

  private static void assertWiredToParleysKeyspaces(Config config) {
    assertEquals("pekko.persistence.cassandra.journal", config.getString("pekko.persistence.journal.plugin"));
    assertEquals("pekko.persistence.cassandra.snapshot",
        config.getString("pekko.persistence.snapshot-store.plugin"));
    assertEquals("parley_journal", config.getString("pekko.persistence.cassandra.journal.keyspace"));
    assertEquals("parley_snapshot", config.getString("pekko.persistence.cassandra.snapshot.keyspace"));
  }
}

package org.parley.persistence.cassandra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

class CassandraBootstrapTest {

  @Test
  void anExternalClusterStartsNothingAndPointsTheDriverAtIt() {
    try (CassandraBootstrap.Started started = CassandraBootstrap.start(config("""
        parley.cassandra.contact-points = "10.0.0.1:9042,10.0.0.2:9042"
        parley.cassandra.local-datacenter = "eu-west"
        """))) {

      assertTrue(started.embedded().isEmpty());
      Config effective = started.storeConfig().withFallback(ConfigFactory.load());
      assertEquals(List.of("10.0.0.1:9042", "10.0.0.2:9042"),
          effective.getStringList("datastax-java-driver.basic.contact-points"));
      assertEquals("eu-west",
          effective.getString("datastax-java-driver.basic.load-balancing-policy.local-datacenter"));
      assertAutocreate(effective, false);
    }
  }

  @Test
  void autocreateSchemaTurnsOnAllFourPluginFlags() {
    try (CassandraBootstrap.Started started = CassandraBootstrap.start(config("""
        parley.cassandra.contact-points = ["10.0.0.1:9042"]
        parley.cassandra.autocreate-schema = true
        """))) {

      assertAutocreate(started.storeConfig().withFallback(ConfigFactory.load()), true);
    }
  }

  static void assertAutocreate(Config config, boolean expected) {
    for (String key : List.of("journal.keyspace-autocreate", "journal.tables-autocreate",
        "snapshot.keyspace-autocreate", "snapshot.tables-autocreate")) {
      assertEquals(expected, config.getBoolean(CassandraBootstrap.PLUGIN_PATH + "." + key), key);
    }
  }

  private static Config config(String hocon) {
    return ConfigFactory.parseString(hocon).withFallback(ConfigFactory.load()).resolve();
  }
}

package org.parley.persistence.cassandra;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides where events are stored, before the ActorSystem starts: the configured external cluster,
 * or, when no contact points are configured, an embedded Cassandra started here.
 */
public final class CassandraBootstrap {

  /** The Pekko Persistence Cassandra plugin's config section, shared by journal and snapshots. */
  public static final String PLUGIN_PATH = "pekko.persistence.cassandra";

  private static final Logger log = LoggerFactory.getLogger(CassandraBootstrap.class);

  private CassandraBootstrap() {}

  /**
   * What {@link #start} chose.
   *
   * @param storeConfig put it in front of the application config,
   *     {@code storeConfig.withFallback(appConfig)}: it points the driver at the right nodes and
   *     switches schema autocreation on or off
   * @param embedded    the Cassandra started here, if any; closed by {@link #close()}
   */
  public record Started(Config storeConfig, Optional<EmbeddedCassandra> embedded)
      implements AutoCloseable {

    /** Stops the embedded Cassandra, if any. Call it after the ActorSystem has terminated. */
    @Override
    public void close() {
      embedded.ifPresent(EmbeddedCassandra::close);
    }
  }

  /**
   * @param config the application config, holding {@code parley.cassandra}
   * @throws EmbeddedCassandraException if the embedded Cassandra is needed and does not start
   */
  public static Started start(Config config) {
    CassandraSettings settings = CassandraSettings.fromConfig(config);
    boolean autocreate = settings.createsSchema();
    if (!settings.embeddedMode()) {
      log.info("Cassandra: external cluster at {} (local datacenter {}); schema autocreate {}",
          settings.contactPoints(), settings.localDatacenter(), onOff(autocreate));
      return new Started(
          storeConfig(settings.contactPoints(), settings.localDatacenter(), autocreate),
          Optional.empty());
    }
    log.info("Cassandra: no contact points configured (parley.cassandra.contact-points, env "
            + "PARLEY_CASSANDRA_CONTACT_POINTS): starting an embedded node on {}; schema autocreate {}",
        settings.embedded().dataDir(), onOff(autocreate));
    EmbeddedCassandra cassandra = EmbeddedCassandra.start(settings.embedded());
    return new Started(
        storeConfig(List.of(cassandra.contactPoint()), cassandra.localDatacenter(), autocreate),
        Optional.of(cassandra));
  }

  static Config storeConfig(List<String> contactPoints, String localDatacenter, boolean autocreate) {
    Config config = ConfigFactory.empty()
        .withValue("datastax-java-driver.basic.contact-points",
            ConfigValueFactory.fromIterable(contactPoints))
        .withValue("datastax-java-driver.basic.load-balancing-policy.local-datacenter",
            ConfigValueFactory.fromAnyRef(localDatacenter));
    for (String key : List.of(
        "journal.keyspace-autocreate", "journal.tables-autocreate",
        "snapshot.keyspace-autocreate", "snapshot.tables-autocreate")) {
      config = config.withValue(PLUGIN_PATH + "." + key, ConfigValueFactory.fromAnyRef(autocreate));
    }
    return config;
  }

  private static String onOff(boolean value) {
    return value ? "on" : "off";
  }
}

package org.parley.engine;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.parley.persistence.testing.TestCassandra;

/** A one-node cluster on the JVM's test Cassandra, on a free remoting port (several may run at once). */
public final class NodeConfig {

    private NodeConfig() {}

    public static Config onTestCassandra() {
        return ConfigFactory.parseString("""
                        pekko.actor.provider = cluster
                        parley.media.udp-port = 0
                        pekko.remote.artery.canonical.hostname = "127.0.0.1"
                        pekko.remote.artery.canonical.port = 0
                        pekko.coordinated-shutdown.exit-jvm = off
                        pekko.coordinated-shutdown.run-by-jvm-shutdown-hook = off
                        pekko.cluster.jmx.multi-mbeans-in-same-jvm = on
                        # The first write of a fresh keyspace creates its tables: give it time.
                        parley.engine.ask-timeout = 20s
                        """)
                .withFallback(TestCassandra.get().config());
    }
}

package org.parley.persistence.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import java.net.InetSocketAddress;
import java.time.Duration;

/** Plain driver sessions, for tests that check Cassandra itself rather than the plugin. */
final class TestSessions {

  private TestSessions() {}

  static CqlSession connect(int nativePort) {
    return CqlSession.builder()
        .addContactPoint(new InetSocketAddress(LocalPorts.HOST, nativePort))
        .withLocalDatacenter(EmbeddedCassandra.LOCAL_DATACENTER)
        // The driver waits out a 1 s debounce window after every DDL statement by default.
        .withConfigLoader(DriverConfigLoader.programmaticBuilder()
            .withDuration(DefaultDriverOption.METADATA_SCHEMA_WINDOW, Duration.ofMillis(10))
            .build())
        .build();
  }
}

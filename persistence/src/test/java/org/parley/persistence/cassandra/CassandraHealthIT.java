package org.parley.persistence.cassandra;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.Done;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.Test;
import org.parley.persistence.testing.TestCassandra;

class CassandraHealthIT {

  @Test
  void unreachableCassandraIsUnhealthyWithinTheTimeout() throws Exception {
    int closedPort = LocalPorts.free();
    ActorTestKit testKit = ActorTestKit.create("health-unreachable", ConfigFactory.parseString(
            "datastax-java-driver.basic.contact-points = [\"127.0.0.1:" + closedPort + "\"]")
        .withFallback(ConfigFactory.load()));
    try {
      Duration timeout = Duration.ofSeconds(2);
      long start = System.nanoTime();

      boolean healthy = CassandraHealth.check(testKit.system(), timeout)
          .toCompletableFuture().get(10, TimeUnit.SECONDS);

      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertFalse(healthy);
      assertTrue(took.compareTo(timeout.plusSeconds(1)) < 0, "took " + took);
    } finally {
      testKit.shutdownTestKit();
    }
  }

  @Test
  void aHealthCheckBeforeTheFirstEventLeavesSchemaAutocreationWorking() throws Exception {
    // Keyspaces nobody created yet: the first write fails unless the journal's autocreate ran.
    String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    ActorTestKit testKit = ActorTestKit.create("health-first", ConfigFactory.parseString("""
            pekko.persistence.cassandra.journal.keyspace = health_first_journal_%s
            pekko.persistence.cassandra.snapshot.keyspace = health_first_snapshot_%s
            """.formatted(suffix, suffix))
        .withFallback(TestCassandra.get().config()));
    try {
      assertTrue(CassandraHealth.check(testKit.system(), Duration.ofSeconds(10))
          .toCompletableFuture().get(20, TimeUnit.SECONDS));

      ActorRef<Notebook.Command> notebook = testKit.spawn(Notebook.create("notebook-" + UUID.randomUUID()));
      TestProbe<Done> written = testKit.createTestProbe();
      notebook.tell(new Notebook.Write("after the health check", written.getRef()));
      written.expectMessage(Duration.ofSeconds(30), Done.getInstance());
    } finally {
      testKit.shutdownTestKit();
    }
  }
}

package org.parley.persistence.cassandra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.Done;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.persistence.cassandra.query.javadsl.CassandraReadJournal;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSessionRegistry;
import org.apache.pekko.stream.javadsl.Sink;
import org.junit.jupiter.api.Test;
import org.parley.persistence.testing.TestCassandra;

/** The parley-persistence.conf wiring end to end: journal, snapshots, queries and tags on real Cassandra. */
class PersistenceWiringIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  @Test
  void eventsArePersistedRecoveredInANewActorSystemAndQueryableInOrder() throws Exception {
    String id = "notebook-" + UUID.randomUUID();
    long writtenAfter = System.currentTimeMillis();

    ActorTestKit first = ActorTestKit.create("wiring-write", TestCassandra.get().config());
    try {
      ActorRef<Notebook.Command> notebook = first.spawn(Notebook.create(id));
      TestProbe<Done> written = first.createTestProbe();
      for (String line : List.of("first", "second", "third")) {
        notebook.tell(new Notebook.Write(line, written.getRef()));
        written.expectMessage(TIMEOUT, Done.getInstance());
      }
      first.stop(notebook);
    } finally {
      first.shutdownTestKit();
    }

    ActorTestKit second = ActorTestKit.create("wiring-read", TestCassandra.get().config());
    try {
      ActorRef<Notebook.Command> recovered = second.spawn(Notebook.create(id));
      TestProbe<String> read = second.createTestProbe();
      recovered.tell(new Notebook.Read(read.getRef()));
      read.expectMessage(TIMEOUT, "first|second|third");

      CassandraReadJournal journal = PersistenceQuery.get(second.system())
          .getReadJournalFor(CassandraReadJournal.class, CassandraReadJournal.Identifier());
      List<EventEnvelope> events = journal.currentEventsByPersistenceId(id, 0, Long.MAX_VALUE)
          .runWith(Sink.seq(), second.system())
          .toCompletableFuture().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      assertEquals(List.of("first", "second", "third"), events.stream().map(EventEnvelope::event).toList());
      assertEquals(List.of(1L, 2L, 3L), events.stream().map(EventEnvelope::sequenceNr).toList());

      // Tagged for the audit stream: the tag query sees them once the consistency delay passed.
      read.awaitAssert(TIMEOUT, Duration.ofMillis(200), () -> {
        assertEquals(List.of("first", "second", "third"), taggedEventsOf(id, journal, second, writtenAfter));
        return null;
      });

      // Stored where schema.cql and parley-persistence.conf say: keyspaces parley_journal / parley_snapshot.
      var session = CassandraSessionRegistry.get(second.system()).sessionFor(CassandraBootstrap.PLUGIN_PATH);
      assertEquals(3, session.selectAll(
              "SELECT sequence_nr FROM parley_journal.messages WHERE persistence_id = ? AND partition_nr = 0", id)
          .toCompletableFuture().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).size());
      assertEquals(2L, session.selectOne(
              "SELECT sequence_nr FROM parley_snapshot.snapshots WHERE persistence_id = ? LIMIT 1", id)
          .toCompletableFuture().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)
          .orElseThrow().getLong("sequence_nr"));

      assertTrue(CassandraHealth.check(second.system(), Duration.ofSeconds(5))
          .toCompletableFuture().get(10, TimeUnit.SECONDS));
    } finally {
      second.shutdownTestKit();
    }
  }

  private static List<Object> taggedEventsOf(
      String id, CassandraReadJournal journal, ActorTestKit testKit, long writtenAfter) throws Exception {
    return journal.currentEventsByTag(Notebook.TAG, journal.timeBasedUUIDFrom(writtenAfter - 60_000))
        .filter(envelope -> envelope.persistenceId().equals(id))
        .map(EventEnvelope::event)
        .runWith(Sink.seq(), testKit.system())
        .toCompletableFuture().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
  }
}

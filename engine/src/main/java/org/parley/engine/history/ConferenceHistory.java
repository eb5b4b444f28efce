package org.parley.engine.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.persistence.query.javadsl.CurrentEventsByPersistenceIdQuery;
import org.apache.pekko.stream.javadsl.Sink;
import org.parley.engine.conference.Conference;
import org.parley.engine.conference.RoomName;
import org.parley.engine.participant.Participant;

/**
 * The ordered history of one room: its conference log merged with the logs of every participant it
 * ever admitted, ordered by when each event happened. Read from the journal, never from live actors,
 * so it is what a replay would see.
 */
public final class ConferenceHistory {

    /** The Cassandra plugin's query side, as configured in persistence's reference.conf. */
    public static final String CASSANDRA_QUERY_PLUGIN = "pekko.persistence.cassandra.query";

    private final ActorSystem<?> system;
    private final CurrentEventsByPersistenceIdQuery journal;

    public ConferenceHistory(ActorSystem<?> system, CurrentEventsByPersistenceIdQuery journal) {
        this.system = system;
        this.journal = journal;
    }

    public static ConferenceHistory cassandra(ActorSystem<?> system) {
        return new ConferenceHistory(system, PersistenceQuery.get(system)
                .getReadJournalFor(CurrentEventsByPersistenceIdQuery.class, CASSANDRA_QUERY_PLUGIN));
    }

    /** Empty when nothing ever happened in the room. */
    public CompletionStage<Optional<List<HistoryEntry>>> of(RoomName room) {
        return events(Conference.persistenceIdOf(room).id()).thenCompose(conferenceEvents -> {
            if (conferenceEvents.isEmpty()) {
                return CompletableFuture.completedFuture(Optional.empty());
            }
            List<CompletableFuture<List<HistoryEntry>>> participantEvents = conferenceEvents.stream()
                    .map(HistoryEntry::event)
                    .filter(Conference.ParticipantJoined.class::isInstance)
                    .map(e -> ((Conference.ParticipantJoined) e).participant())
                    .distinct()
                    .map(id -> events(Participant.persistenceIdOf(id).id()).toCompletableFuture())
                    .toList();
            return CompletableFuture.allOf(participantEvents.toArray(CompletableFuture[]::new)).thenApply(done -> {
                List<HistoryEntry> all = new ArrayList<>(conferenceEvents);
                participantEvents.forEach(f -> all.addAll(f.join()));
                // Stable: at equal times, the conference's decision comes before its consequences.
                all.sort(Comparator.comparing(HistoryEntry::at));
                return Optional.of(List.copyOf(all));
            });
        });
    }

    private CompletionStage<List<HistoryEntry>> events(String persistenceId) {
        return journal.currentEventsByPersistenceId(persistenceId, 0L, Long.MAX_VALUE)
                .map(ConferenceHistory::entry)
                .runWith(Sink.seq(), system);
    }

    private static HistoryEntry entry(EventEnvelope envelope) {
        Object event = envelope.event();
        Instant at = event instanceof Conference.Event e ? e.at()
                : event instanceof Participant.Event e ? e.at()
                : Instant.ofEpochMilli(envelope.timestamp());
        return new HistoryEntry(envelope.persistenceId(), envelope.sequenceNr(), at, event);
    }
}

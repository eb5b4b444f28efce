package org.parley.engine.history;

import java.time.Instant;

/**
 * One event of a conference's history, with where it is stored. {@code event} is a
 * {@code Conference.Event} or a {@code Participant.Event}.
 */
public record HistoryEntry(String persistenceId, long sequenceNr, Instant at, Object event) {}

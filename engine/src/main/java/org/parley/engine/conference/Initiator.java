package org.parley.engine.conference;

import java.util.Optional;

/**
 * Who caused an event: a participant of the room, a person or service acting from outside it (the
 * REST API: their subject), or the system itself (a grace period running out, the last moderator
 * leaving). Every event records one, so the log answers "who did it".
 */
public record Initiator(Optional<ParticipantId> participant, Optional<String> subject) {

    public static final Initiator SYSTEM = new Initiator(Optional.empty(), Optional.empty());

    public static Initiator participant(ParticipantId id) {
        return new Initiator(Optional.of(id), Optional.empty());
    }

    /** A participant whose identity matters to the record (who started a conference). */
    public static Initiator participant(ParticipantId id, String subject) {
        return new Initiator(Optional.of(id), Optional.of(subject));
    }

    public static Initiator subject(String subject) {
        return new Initiator(Optional.empty(), Optional.of(subject));
    }

    public boolean isSystem() {
        return participant.isEmpty() && subject.isEmpty();
    }
}

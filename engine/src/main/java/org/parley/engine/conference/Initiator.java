package org.parley.engine.conference;

import java.util.Optional;

/**
 * Who caused an event: a participant of the room, or the system itself (a grace period running
 * out, the last moderator leaving). Every event records one, so the log answers "who did it".
 */
public record Initiator(Optional<ParticipantId> participant) {

    public static final Initiator SYSTEM = new Initiator(Optional.empty());

    public static Initiator participant(ParticipantId id) {
        return new Initiator(Optional.of(id));
    }

    public boolean isSystem() {
        return participant.isEmpty();
    }
}

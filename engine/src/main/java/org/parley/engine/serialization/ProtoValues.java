package org.parley.engine.serialization;

import java.time.Instant;
import java.util.Optional;
import org.parley.engine.conference.Initiator;
import org.parley.engine.conference.LeaveReason;
import org.parley.engine.conference.ParticipantId;
import org.parley.engine.conference.Role;
import org.parley.persistence.proto.v1.Actor;

/** Mappings of the value types both entities' events share; enums map by name, never by ordinal. */
final class ProtoValues {

    private ProtoValues() {}

    static long millis(Instant at) {
        return at.toEpochMilli();
    }

    static Instant instant(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis);
    }

    static Actor actor(Initiator initiator) {
        return Actor.newBuilder()
                .setParticipantId(initiator.participant().map(ParticipantId::value).orElse(""))
                .setSubject(initiator.subject().orElse(""))
                .build();
    }

    static Initiator initiator(Actor actor) {
        return new Initiator(
                actor.getParticipantId().isEmpty() ? Optional.empty() : Optional.of(new ParticipantId(actor.getParticipantId())),
                actor.getSubject().isEmpty() ? Optional.empty() : Optional.of(actor.getSubject()));
    }

    static org.parley.persistence.proto.v1.Role role(Role role) {
        return switch (role) {
            case PARTICIPANT -> org.parley.persistence.proto.v1.Role.ROLE_PARTICIPANT;
            case MODERATOR -> org.parley.persistence.proto.v1.Role.ROLE_MODERATOR;
        };
    }

    static Role role(org.parley.persistence.proto.v1.Role role) {
        return switch (role) {
            case ROLE_MODERATOR -> Role.MODERATOR;
            case ROLE_PARTICIPANT -> Role.PARTICIPANT;
            default -> throw new IllegalArgumentException("unknown role in stored event: " + role);
        };
    }

    static org.parley.persistence.proto.v1.LeaveReason leaveReason(LeaveReason reason) {
        return switch (reason) {
            case LEFT -> org.parley.persistence.proto.v1.LeaveReason.LEAVE_REASON_LEFT;
            case CONNECTION_LOST -> org.parley.persistence.proto.v1.LeaveReason.LEAVE_REASON_CONNECTION_LOST;
            case KICKED -> org.parley.persistence.proto.v1.LeaveReason.LEAVE_REASON_KICKED;
        };
    }

    static LeaveReason leaveReason(org.parley.persistence.proto.v1.LeaveReason reason) {
        return switch (reason) {
            case LEAVE_REASON_LEFT -> LeaveReason.LEFT;
            case LEAVE_REASON_CONNECTION_LOST -> LeaveReason.CONNECTION_LOST;
            case LEAVE_REASON_KICKED -> LeaveReason.KICKED;
            default -> throw new IllegalArgumentException("unknown leave reason in stored event: " + reason);
        };
    }

    static Optional<Instant> optionalInstant(long epochMillis) {
        return epochMillis == 0 ? Optional.empty() : Optional.of(instant(epochMillis));
    }
}

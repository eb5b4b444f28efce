package org.parley.engine.conference;

/**
 * What a connected person is told about their room as it happens. Sent by the conference to every
 * subscribed connection; not persisted (the events are), so a reconnecting client re-reads the roster.
 */
public sealed interface RoomUpdate {

    record MemberJoined(Member member) implements RoomUpdate {}

    record MemberLeft(ParticipantId participant, LeaveReason reason) implements RoomUpdate {}

    record RoleChanged(ParticipantId participant, Role role) implements RoomUpdate {}

    /** A person's live profile or media state changed (sent on by the conference for the Participant). */
    record ParticipantUpdated(
            ParticipantId participant, String displayName, String language, boolean audioMuted, boolean videoMuted)
            implements RoomUpdate {}

    record Ended(EndReason reason) implements RoomUpdate {}
}

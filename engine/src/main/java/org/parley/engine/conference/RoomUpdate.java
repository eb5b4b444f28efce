package org.parley.engine.conference;

import java.time.Instant;
import java.util.Optional;

/**
 * What a connected person is told about their room as it happens. Sent by the conference to every
 * subscribed connection (lobby news to moderators and the knocker concerned only); not persisted
 * (the events are), so a reconnecting client re-reads the roster.
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

    /** To those waiting for a host: one arrived, ask again. */
    record HostArrived() implements RoomUpdate {}

    /** To moderators: someone knocks. */
    record KnockReceived(Knock knock) implements RoomUpdate {}

    /** To moderators and the knocker: a knock was answered or withdrawn. */
    record KnockAnswered(KnockId knock, KnockOutcome outcome, Optional<ParticipantId> by, String message)
            implements RoomUpdate {}

    /** To moderators and the knocker concerned: a line of lobby chat. */
    record LobbyMessage(KnockId knock, String fromDisplayName, boolean fromModerator, String text, Instant at)
            implements RoomUpdate {}

    /** To everyone: the room's entry rules changed. */
    record AccessChanged(boolean lobbyEnabled, boolean passwordSet) implements RoomUpdate {}

    /** To everyone: the queue of raised hands, in the order they were raised (the same for every client). */
    record HandsChanged(java.util.List<ParticipantId> queue) implements RoomUpdate {
        public HandsChanged {
            queue = java.util.List.copyOf(queue);
        }
    }

    /** To everyone: someone reacted (shown briefly on their tile; not recorded). */
    record Reacted(ParticipantId participant, Reaction reaction) implements RoomUpdate {}

    /** To everyone: a poll was created, voted on or closed (each connection reads it for its person). */
    record PollChanged(String pollId) implements RoomUpdate {}

    /** To everyone: the room's microphone and camera rules changed. */
    record MediaPolicyChanged(MediaPolicy policy) implements RoomUpdate {}

    /** To moderators: someone asks to turn their microphone or camera back on. */
    record UnmuteAsked(ParticipantId participant, MuteKind kind) implements RoomUpdate {}

    /** To everyone: a moderator let someone unmute (moderators drop the ask; the person may now unmute). */
    record UnmuteAllowed(ParticipantId participant, MuteKind kind) implements RoomUpdate {}

    /** To everyone: a moderator muted these people (their own clients turn the device off). */
    record MutedByModerator(java.util.List<ParticipantId> participants, MuteKind kind) implements RoomUpdate {
        public MutedByModerator {
            participants = java.util.List.copyOf(participants);
        }
    }

    /** To those who may read it (everyone, or the two people of a private message). */
    record ChatPosted(ChatMessage message) implements RoomUpdate {}

    /** To everyone: a moderator deleted a message (clients that never had it ignore this). */
    record ChatDeleted(ChatMessageId message) implements RoomUpdate {}

    /** To everyone (the person removed included): a moderator removed someone. */
    record Kicked(ParticipantId participant, boolean banned, String message) implements RoomUpdate {}
}

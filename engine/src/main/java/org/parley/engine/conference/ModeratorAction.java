package org.parley.engine.conference;

import java.util.Optional;

/** What a moderator can do to the room's access and roster; each accepted action is one event. */
public sealed interface ModeratorAction {

    /** Longest free text a moderator attaches (a rejection, a kick, a lobby chat line). */
    int MAX_TEXT = 500;

    record SetLobby(boolean enabled) implements ModeratorAction {}

    /** Empty removes the password. The hash is made by the caller, off the actor's thread. */
    record SetPassword(Optional<PasswordHash> hash) implements ModeratorAction {}

    record Admit(KnockId knock) implements ModeratorAction {}

    record Reject(KnockId knock, String message) implements ModeratorAction {}

    /** A line of lobby chat from a moderator to one knocker. */
    record LobbyReply(KnockId knock, String text) implements ModeratorAction {}

    record Promote(ParticipantId participant) implements ModeratorAction {}

    record Kick(ParticipantId participant, boolean ban, String message) implements ModeratorAction {}

    /** Lower someone else's raised hand. */
    record LowerHand(ParticipantId participant) implements ModeratorAction {}

    record LowerAllHands() implements ModeratorAction {}

    /** Mute one participant, or (empty) everyone who does not moderate. They may unmute unless the policy asks them to ask. */
    record Mute(java.util.Optional<ParticipantId> participant, MuteKind kind) implements ModeratorAction {}

    record SetMediaPolicy(MediaPolicy policy) implements ModeratorAction {}

    /** Under "ask to unmute": let this person turn their microphone or camera back on. */
    record AllowUnmute(ParticipantId participant, MuteKind kind) implements ModeratorAction {}

    /** Delete a chat message for everyone who could see it. */
    record DeleteChat(ChatMessageId message) implements ModeratorAction {}

    /** End the conference for everyone: all are told and disconnected. */
    record EndConference() implements ModeratorAction {}
}

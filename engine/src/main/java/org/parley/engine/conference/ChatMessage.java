package org.parley.engine.conference;

import java.time.Instant;
import java.util.Optional;

/**
 * A line of the conference's chat: to everyone, or private between its sender and one participant
 * ({@code to}). The sender's name is the one they had in the room when writing.
 */
public record ChatMessage(
        ChatMessageId id, ParticipantId from, String fromDisplayName, Optional<ParticipantId> to, String text, Instant at) {

    /** Longest message, in characters. */
    public static final int MAX_TEXT = 2000;

    /** Who may read it: everyone for a public message; the two people concerned for a private one. */
    public boolean visibleTo(ParticipantId reader) {
        return to.isEmpty() || to.get().equals(reader) || from.equals(reader);
    }
}

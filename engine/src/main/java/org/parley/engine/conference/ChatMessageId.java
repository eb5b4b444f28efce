package org.parley.engine.conference;

import java.util.UUID;

/** One chat message of a conference. */
public record ChatMessageId(String value) {

    public ChatMessageId {
        if (value == null || value.isBlank() || value.length() > 64) {
            throw new IllegalArgumentException("a chat message id is 1 to 64 characters");
        }
    }

    public static ChatMessageId random() {
        return new ChatMessageId(UUID.randomUUID().toString());
    }
}

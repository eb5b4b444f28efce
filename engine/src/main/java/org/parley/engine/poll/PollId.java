package org.parley.engine.poll;

import java.util.UUID;

/** One poll: its own persistent actor, listed by the conference it was created in. */
public record PollId(String value) {

    public PollId {
        if (value == null || value.isBlank() || value.length() > 64) {
            throw new IllegalArgumentException("a poll id is 1 to 64 characters");
        }
    }

    public static PollId random() {
        return new PollId(UUID.randomUUID().toString());
    }
}

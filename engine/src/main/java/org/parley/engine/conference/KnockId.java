package org.parley.engine.conference;

import java.util.UUID;

/** One request to enter through the lobby. */
public record KnockId(String value) {

    public KnockId {
        if (value == null || value.isBlank() || value.length() > 64) {
            throw new IllegalArgumentException("a knock id is 1 to 64 characters");
        }
    }

    public static KnockId random() {
        return new KnockId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}

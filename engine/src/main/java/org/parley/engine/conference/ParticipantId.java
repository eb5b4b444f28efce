package org.parley.engine.conference;

import java.security.SecureRandom;
import java.util.Base64;

/** One person's presence in one conference; a rejoin after leaving is a new participant. */
public record ParticipantId(String value) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public ParticipantId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a participant id is required");
        }
    }

    public static ParticipantId random() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return new ParticipantId(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    @Override
    public String toString() {
        return value;
    }
}

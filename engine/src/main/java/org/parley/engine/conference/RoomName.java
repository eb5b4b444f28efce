package org.parley.engine.conference;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The name people type or share in a link ({@code https://host/RoomName}). Like Jitsi Meet, names
 * are case-insensitive: {@code /SomeRoom} and {@code /someroom} are the same conference, so the
 * identity is the lower-cased form.
 */
public record RoomName(String value) {

    public static final int MAX_LENGTH = 64;
    private static final Pattern ALLOWED = Pattern.compile("[a-z0-9][a-z0-9_.-]*");

    public RoomName {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a room name is required");
        }
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a room name has at most " + MAX_LENGTH + " characters");
        }
        if (!ALLOWED.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "a room name uses letters, digits, '-', '_' and '.', and starts with a letter or digit");
        }
    }

    /** Parses what a person typed; throws {@link IllegalArgumentException} with a readable reason. */
    public static RoomName parse(String raw) {
        if (raw == null) {
            throw new IllegalArgumentException("a room name is required");
        }
        return new RoomName(raw.trim().toLowerCase(Locale.ROOT));
    }

    /**
     * The browser's self-test joins a room of its own, named "selftest-" and a random suffix: anyone may
     * start one, and it holds one person, so it cannot stand in for a conference nobody was allowed to start.
     */
    public boolean isSelfTest() {
        return value.startsWith(SELF_TEST_PREFIX);
    }

    public static final String SELF_TEST_PREFIX = "selftest-";

    @Override
    public String toString() {
        return value;
    }
}

package org.parley.engine.conference;

/** The one rule for a name shown on tiles and in rosters. */
public final class DisplayName {

    public static final int MAX_LENGTH = 64;

    public static final String RULE =
            "a display name is required and has at most " + MAX_LENGTH + " characters";

    private DisplayName() {}

    /** The name as it will be shown, or null when it breaks the rule. */
    public static String normalize(String raw) {
        if (raw == null) {
            return null;
        }
        String name = raw.strip();
        return name.isEmpty() || name.length() > MAX_LENGTH ? null : name;
    }
}

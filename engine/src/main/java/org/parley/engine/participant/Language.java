package org.parley.engine.participant;

import java.util.regex.Pattern;

/** A BCP 47 language tag as the browser sends it ("fr", "en-GB"); the client picks its strings. */
final class Language {

    private static final Pattern TAG = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})?");

    private Language() {}

    static boolean isValid(String tag) {
        return tag != null && TAG.matcher(tag).matches();
    }
}

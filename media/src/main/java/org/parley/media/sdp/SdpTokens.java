package org.parley.media.sdp;

import java.util.ArrayList;
import java.util.List;

/**
 * The lexical rules shared by the typed attribute parsers: space-separated words and strictly ASCII
 * decimal numbers. {@link Integer#parseInt} is not used because it accepts a sign and non-ASCII
 * digits and throws an unchecked exception, and SDP parsing must fail only with {@link SdpException}.
 */
final class SdpTokens {

    private SdpTokens() {
    }

    /** Words separated by one or more spaces or tabs; never contains an empty word. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean separator = i == text.length() || text.charAt(i) == ' ' || text.charAt(i) == '\t';
            if (separator && start >= 0) {
                words.add(text.substring(start, i));
                start = -1;
            } else if (!separator && start < 0) {
                start = i;
            }
        }
        return words;
    }

    static List<String> words(String text, int minimum, String what) throws SdpException {
        List<String> words = words(text);
        if (words.size() < minimum) {
            throw new SdpException(what + " needs at least " + minimum + " fields, got " + words.size());
        }
        return words;
    }

    static long number(String text, long min, long max, String what) throws SdpException {
        if (text.isEmpty()) {
            throw new SdpException(what + " is not a number: '" + text + "'");
        }
        long value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new SdpException(what + " is not a number: '" + text + "'");
            }
            int digit = c - '0';
            if (value > (max - digit) / 10) {
                throw new SdpException(what + " is out of range [" + min + ", " + max + "]: " + text);
            }
            value = value * 10 + digit;
        }
        if (value < min) {
            throw new SdpException(what + " is out of range [" + min + ", " + max + "]: " + text);
        }
        return value;
    }

    /** A decimal number of any length, kept as text. */
    static String digits(String text, String what) throws SdpException {
        if (text.isEmpty()) {
            throw new SdpException(what + " is not a number: ''");
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                throw new SdpException(what + " is not a number: '" + text + "'");
            }
        }
        return text;
    }

    static int integer(String text, int min, int max, String what) throws SdpException {
        return (int) number(text, min, max, what);
    }

    static int payloadType(String text) throws SdpException {
        return integer(text, 0, 127, "payload type");
    }

    static long ssrc(String text) throws SdpException {
        return number(text, 0, 0xFFFF_FFFFL, "SSRC");
    }

    /** A token: non-empty, no whitespace. Used for mids, rids, ids and ICE credentials. */
    static String token(String text, String what) throws SdpException {
        if (text.isEmpty()) {
            throw new SdpException(what + " is empty");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t') {
                throw new SdpException(what + " contains whitespace: '" + text + "'");
            }
        }
        return text;
    }
}

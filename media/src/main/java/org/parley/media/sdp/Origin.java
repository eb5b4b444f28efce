package org.parley.media.sdp;

import java.util.List;

/**
 * The {@code o=} line. JSEP keeps the session id for the life of a peer connection and increments
 * the version with every new local description, which is how a browser tells a renegotiation from a
 * repeat. The session id is kept as text: browsers use up to 63-bit values and others may use more.
 */
public record Origin(String username, String sessionId, long sessionVersion, String netType, String addressType,
        String address) {

    /** Our own origin line, in the shape browsers write it. */
    public static Origin of(long sessionId, long sessionVersion) {
        return new Origin("-", Long.toUnsignedString(sessionId), sessionVersion, "IN", "IP4", "127.0.0.1");
    }

    public static Origin parse(String value) throws SdpException {
        List<String> words = SdpTokens.words(value, 6, "o= line");
        if (words.size() != 6) {
            throw new SdpException("o= line needs exactly 6 fields, got " + words.size());
        }
        SdpTokens.digits(words.get(1), "session id");
        long version = SdpTokens.number(words.get(2), 0, Long.MAX_VALUE, "session version");
        return new Origin(words.get(0), words.get(1), version, words.get(3), words.get(4), words.get(5));
    }

    public SdpLine toLine() {
        return new SdpLine('o', String.join(" ", username, sessionId, String.valueOf(sessionVersion), netType,
                addressType, address));
    }
}

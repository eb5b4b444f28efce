package org.parley.media.sdp;

import java.util.Map;

/**
 * The attributes whose grammar we check, and the one place that knows which typed parser reads which
 * attribute. Every such attribute is parsed once, up front (so an error can name its line); media
 * sections keep the typed values next to their lines, which is what lets the typed accessors answer
 * without re-parsing and without a checked exception. Attributes not listed here are kept verbatim.
 */
final class AttributeGrammar {

    @FunctionalInterface
    interface Parser<T> {
        T parse(String value) throws SdpException;
    }

    private static final Map<String, Parser<?>> PARSERS = Map.ofEntries(
            Map.entry("group", Group::parse),
            Map.entry("mid", value -> SdpTokens.token(value, "mid")),
            Map.entry("ice-ufrag", value -> SdpTokens.token(value, "ice-ufrag")),
            Map.entry("ice-pwd", value -> SdpTokens.token(value, "ice-pwd")),
            Map.entry("fingerprint", Fingerprint::parse),
            Map.entry("setup", Setup::parse),
            Map.entry("candidate", Candidate::parse),
            Map.entry("rtpmap", Rtpmap::parse),
            Map.entry("fmtp", Fmtp::parse),
            Map.entry("rtcp-fb", RtcpFeedback::parse),
            Map.entry("extmap", Extmap::parse),
            Map.entry("msid", Msid::parse),
            Map.entry("ssrc", SsrcAttribute::parse),
            Map.entry("ssrc-group", SsrcGroup::parse),
            Map.entry("rid", Rid::parse),
            Map.entry("simulcast", Simulcast::parse));

    private AttributeGrammar() {
    }

    /**
     * The typed value of a known attribute (a {@link Rtpmap}, a mid as a {@code String}, ...), or null
     * for a line that is not an attribute we know. Throws if the value does not follow its grammar.
     */
    static Object parse(SdpLine line) throws SdpException {
        if (!line.isAttribute()) {
            return null;
        }
        Parser<?> parser = PARSERS.get(line.attributeName());
        if (parser == null) {
            return null;
        }
        if (line.value().indexOf(':') < 0) {
            throw new SdpException("a=" + line.attributeName() + " needs a value");
        }
        return parser.parse(line.attributeValue());
    }

    /** Reads an attribute that {@link #parse} has already accepted once (session-level lines). */
    static <T> T read(SdpLine line, Parser<T> parser) {
        try {
            return parser.parse(line.attributeValue());
        } catch (SdpException e) {
            throw new IllegalStateException("attribute passed its grammar check but does not parse: " + line, e);
        }
    }
}

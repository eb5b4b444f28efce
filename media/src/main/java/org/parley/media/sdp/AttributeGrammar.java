package org.parley.media.sdp;

import java.util.Map;

/**
 * The attributes whose grammar we check, and the one place that knows which typed parser reads which
 * attribute. The parser checks every such attribute up front (so the error can name its line), which
 * is what lets the typed accessors on {@link MediaDescription} and {@link SessionDescription} read
 * them later without a checked exception. Attributes not listed here are kept verbatim, unchecked.
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

    /** Throws if the line is a known attribute whose value does not follow its grammar. */
    static void check(SdpLine line) throws SdpException {
        if (!line.isAttribute()) {
            return;
        }
        Parser<?> parser = PARSERS.get(line.attributeName());
        if (parser != null) {
            if (line.value().indexOf(':') < 0) {
                throw new SdpException("a=" + line.attributeName() + " needs a value");
            }
            parser.parse(line.attributeValue());
        }
    }

    /** Reads an attribute that {@link #check} has already accepted. */
    static <T> T read(SdpLine line, Parser<T> parser) {
        try {
            return parser.parse(line.attributeValue());
        } catch (SdpException e) {
            throw new IllegalStateException("attribute passed its grammar check but does not parse: " + line, e);
        }
    }
}

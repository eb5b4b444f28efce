package org.parley.media.sdp;

import java.util.Optional;

/**
 * {@code a=ssrc:<ssrc> <attribute>[:<value>]} (RFC 5576), e.g. {@code a=ssrc:1077380274 cname:sb4W...}.
 * Announcing SSRCs is how a receiver maps an incoming RTP stream to its m-line before any header
 * extension is negotiated.
 */
public record SsrcAttribute(long ssrc, String attribute, Optional<String> value) implements SdpAttribute {

    public static SsrcAttribute of(long ssrc, String attribute, String value) {
        return new SsrcAttribute(ssrc, attribute, Optional.of(value));
    }

    public static SsrcAttribute parse(String text) throws SdpException {
        int space = text.indexOf(' ');
        if (space < 0) {
            throw new SdpException("ssrc needs '<ssrc> <attribute>[:<value>]'");
        }
        long ssrc = SdpTokens.ssrc(text.substring(0, space));
        String rest = text.substring(space + 1).strip();
        if (rest.isEmpty()) {
            throw new SdpException("ssrc has no attribute");
        }
        int colon = rest.indexOf(':');
        return colon < 0
                ? new SsrcAttribute(ssrc, rest, Optional.empty())
                : new SsrcAttribute(ssrc, rest.substring(0, colon), Optional.of(rest.substring(colon + 1)));
    }

    @Override
    public String attributeName() {
        return "ssrc";
    }

    @Override
    public String attributeValue() {
        return value.map(v -> ssrc + " " + attribute + ':' + v).orElse(ssrc + " " + attribute);
    }
}

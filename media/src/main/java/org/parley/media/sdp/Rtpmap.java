package org.parley.media.sdp;

import java.util.List;
import java.util.OptionalInt;

/**
 * {@code a=rtpmap:<pt> <encoding>/<clock rate>[/<channels>]}: what a dynamic payload type means.
 * Encoding names compare case-insensitively (RFC 4855), hence {@link #isCodec}.
 */
public record Rtpmap(int payloadType, String encodingName, int clockRate, OptionalInt channels)
        implements SdpAttribute {

    public static Rtpmap parse(String value) throws SdpException {
        List<String> words = SdpTokens.words(value, 2, "rtpmap");
        if (words.size() != 2) {
            throw new SdpException("rtpmap needs '<pt> <encoding>/<clock rate>'");
        }
        int pt = SdpTokens.payloadType(words.get(0));
        String[] parts = words.get(1).split("/", -1);
        if (parts.length < 2 || parts.length > 3 || parts[0].isEmpty()) {
            throw new SdpException("rtpmap encoding must be '<name>/<clock rate>[/<channels>]': " + words.get(1));
        }
        int clockRate = SdpTokens.integer(parts[1], 1, Integer.MAX_VALUE, "rtpmap clock rate");
        OptionalInt channels = parts.length == 3
                ? OptionalInt.of(SdpTokens.integer(parts[2], 1, 255, "rtpmap channels"))
                : OptionalInt.empty();
        return new Rtpmap(pt, parts[0], clockRate, channels);
    }

    public boolean isCodec(String name, int rate) {
        return encodingName.equalsIgnoreCase(name) && clockRate == rate;
    }

    @Override
    public String attributeName() {
        return "rtpmap";
    }

    @Override
    public String attributeValue() {
        String base = payloadType + " " + encodingName + '/' + clockRate;
        return channels.isPresent() ? base + '/' + channels.getAsInt() : base;
    }
}

package org.parley.media.sdp;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code a=ssrc-group:<semantics> <ssrc>...} (RFC 5576): {@code FID} pairs a media SSRC with its RTX
 * SSRC, {@code SIM} lists legacy simulcast layers lowest first.
 */
public record SsrcGroup(String semantics, List<Long> ssrcs) implements SdpAttribute {

    public static final String FID = "FID";
    public static final String SIM = "SIM";

    public SsrcGroup {
        ssrcs = List.copyOf(ssrcs);
    }

    public static SsrcGroup parse(String value) throws SdpException {
        List<String> words = SdpTokens.words(value, 2, "ssrc-group");
        List<Long> ssrcs = new ArrayList<>();
        for (String word : words.subList(1, words.size())) {
            ssrcs.add(SdpTokens.ssrc(word));
        }
        return new SsrcGroup(words.get(0), ssrcs);
    }

    @Override
    public String attributeName() {
        return "ssrc-group";
    }

    @Override
    public String attributeValue() {
        StringBuilder text = new StringBuilder(semantics);
        for (long ssrc : ssrcs) {
            text.append(' ').append(ssrc);
        }
        return text.toString();
    }
}

package org.parley.media.sdp;

import java.util.List;

/**
 * {@code a=group:<semantics> <mid>...} (RFC 5888). With {@code BUNDLE} (RFC 8843) all listed m-lines
 * share one ICE/DTLS transport; the first mid is the "tagged" section whose transport parameters count.
 */
public record Group(String semantics, List<String> mids) implements SdpAttribute {

    public static final String BUNDLE = "BUNDLE";

    public Group {
        mids = List.copyOf(mids);
    }

    public static Group bundle(List<String> mids) {
        return new Group(BUNDLE, mids);
    }

    public static Group parse(String value) throws SdpException {
        List<String> words = SdpTokens.words(value, 1, "group");
        return new Group(words.get(0), words.subList(1, words.size()));
    }

    @Override
    public String attributeName() {
        return "group";
    }

    @Override
    public String attributeValue() {
        return mids.isEmpty() ? semantics : semantics + ' ' + String.join(" ", mids);
    }
}

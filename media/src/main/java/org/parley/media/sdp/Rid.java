package org.parley.media.sdp;

import java.util.List;
import java.util.Optional;

/**
 * {@code a=rid:<id> send|recv [<restrictions>]} (RFC 8851): names one RTP stream of a simulcast offer.
 * The SFU reads the browser's {@code send} rids and answers each with {@code recv}.
 */
public record Rid(String id, String direction, Optional<String> restrictions) implements SdpAttribute {

    public static Rid parse(String value) throws SdpException {
        List<String> words = SdpTokens.words(value, 2, "rid");
        if (!words.get(1).equals("send") && !words.get(1).equals("recv")) {
            throw new SdpException("rid direction must be send or recv: " + words.get(1));
        }
        Optional<String> restrictions = words.size() > 2
                ? Optional.of(String.join(" ", words.subList(2, words.size())))
                : Optional.empty();
        return new Rid(words.get(0), words.get(1), restrictions);
    }

    @Override
    public String attributeName() {
        return "rid";
    }

    @Override
    public String attributeValue() {
        return restrictions.map(r -> id + ' ' + direction + ' ' + r).orElse(id + ' ' + direction);
    }
}

package org.parley.media.sdp;

import java.util.List;
import java.util.Optional;

/**
 * {@code a=extmap:<id>[/<direction>] <uri> [<attributes>]} (RFC 8285): which header-extension id carries
 * which extension on this m-line. Ids 1..14 fit the one-byte form, up to 255 need the two-byte form;
 * 4096..4351 are the offer-only range RFC 8285 reserves for negotiation.
 */
public record Extmap(int id, Optional<Direction> direction, String uri, Optional<String> attributes)
        implements SdpAttribute {

    public static Extmap of(int id, String uri) {
        return new Extmap(id, Optional.empty(), uri, Optional.empty());
    }

    public static Extmap parse(String value) throws SdpException {
        List<String> words = SdpTokens.words(value, 2, "extmap");
        String idText = words.get(0);
        int slash = idText.indexOf('/');
        int id = SdpTokens.integer(slash < 0 ? idText : idText.substring(0, slash), 1, 4351, "extmap id");
        Optional<Direction> direction = Optional.empty();
        if (slash >= 0) {
            direction = Direction.fromAttributeName(idText.substring(slash + 1));
            if (direction.isEmpty()) {
                throw new SdpException("extmap direction is not one of sendrecv/sendonly/recvonly/inactive: " + idText);
            }
        }
        Optional<String> attributes = words.size() > 2
                ? Optional.of(String.join(" ", words.subList(2, words.size())))
                : Optional.empty();
        return new Extmap(id, direction, words.get(1), attributes);
    }

    @Override
    public String attributeName() {
        return "extmap";
    }

    @Override
    public String attributeValue() {
        String head = direction.map(d -> id + "/" + d.attributeName()).orElse(String.valueOf(id)) + ' ' + uri;
        return attributes.map(a -> head + ' ' + a).orElse(head);
    }
}

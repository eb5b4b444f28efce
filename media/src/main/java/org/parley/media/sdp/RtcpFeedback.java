package org.parley.media.sdp;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code a=rtcp-fb:<pt|*> <type> [<parameter>]} (RFC 4585): which RTCP feedback a codec takes, such as
 * {@code nack}, {@code nack pli}, {@code ccm fir}, {@code goog-remb} or {@code transport-cc}. An empty
 * payload type is the {@code *} wildcard.
 */
public record RtcpFeedback(OptionalInt payloadType, String type, Optional<String> parameter)
        implements SdpAttribute {

    public static RtcpFeedback of(int payloadType, String type) {
        return new RtcpFeedback(OptionalInt.of(payloadType), type, Optional.empty());
    }

    public static RtcpFeedback of(int payloadType, String type, String parameter) {
        return new RtcpFeedback(OptionalInt.of(payloadType), type, Optional.of(parameter));
    }

    public static RtcpFeedback parse(String value) throws SdpException {
        List<String> words = SdpTokens.words(value, 2, "rtcp-fb");
        OptionalInt pt = words.get(0).equals("*")
                ? OptionalInt.empty()
                : OptionalInt.of(SdpTokens.payloadType(words.get(0)));
        Optional<String> parameter = words.size() > 2
                ? Optional.of(String.join(" ", words.subList(2, words.size())))
                : Optional.empty();
        return new RtcpFeedback(pt, words.get(1), parameter);
    }

    public boolean appliesTo(int pt) {
        return payloadType.isEmpty() || payloadType.getAsInt() == pt;
    }

    /** Same feedback kind, whatever payload type it is attached to. */
    public boolean sameKindAs(RtcpFeedback other) {
        return type.equals(other.type) && parameter.equals(other.parameter);
    }

    public RtcpFeedback forPayloadType(int pt) {
        return new RtcpFeedback(OptionalInt.of(pt), type, parameter);
    }

    @Override
    public String attributeName() {
        return "rtcp-fb";
    }

    @Override
    public String attributeValue() {
        String pt = payloadType.isPresent() ? String.valueOf(payloadType.getAsInt()) : "*";
        return parameter.map(p -> pt + ' ' + type + ' ' + p).orElse(pt + ' ' + type);
    }
}

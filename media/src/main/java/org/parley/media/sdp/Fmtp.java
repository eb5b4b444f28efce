package org.parley.media.sdp;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code a=fmtp:<pt> <parameters>}: codec parameters, kept verbatim because their grammar is per codec
 * (Opus and H.264 use {@code key=value;...}, RED uses {@code 111/111}).
 */
public record Fmtp(int payloadType, String parameters) implements SdpAttribute {

    public static Fmtp parse(String value) throws SdpException {
        int space = value.indexOf(' ');
        if (space < 0) {
            throw new SdpException("fmtp needs '<pt> <parameters>'");
        }
        int pt = SdpTokens.payloadType(value.substring(0, space));
        String parameters = value.substring(space + 1).strip();
        if (parameters.isEmpty()) {
            throw new SdpException("fmtp has no parameters");
        }
        return new Fmtp(pt, parameters);
    }

    /** A parameter of the {@code key=value;key=value} form; empty when absent or not of that form. */
    public Optional<String> parameter(String name) {
        for (String pair : parameters.split(";")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).strip().equals(name)) {
                return Optional.of(pair.substring(equals + 1).strip());
            }
        }
        return Optional.empty();
    }

    /** The associated payload type of an RTX format (RFC 4588 {@code apt=}). */
    public OptionalInt apt() {
        Optional<String> apt = parameter("apt");
        if (apt.isEmpty()) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(SdpTokens.payloadType(apt.get()));
        } catch (SdpException notAPayloadType) {
            return OptionalInt.empty();
        }
    }

    @Override
    public String attributeName() {
        return "fmtp";
    }

    @Override
    public String attributeValue() {
        return payloadType + " " + parameters;
    }
}

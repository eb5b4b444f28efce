package org.parley.http.signal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import java.util.Iterator;
import java.util.Set;
import java.util.stream.Collectors;
import org.parley.http.signal.v1.ClientMessage;
import org.parley.http.signal.v1.ServerMessage;

/**
 * The browser's JSON <-> the signalling schema, at one place. Decoding never throws: every bad frame
 * becomes a {@link Decoded.Invalid} carrying the error the browser will be sent.
 */
public final class SignalCodec {

    public static final String SUBPROTOCOL = "parley.signal.v1";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFormat.Parser PARSER = JsonFormat.parser();
    private static final JsonFormat.Printer PRINTER = JsonFormat.printer().omittingInsignificantWhitespace();
    private static final Set<String> MESSAGE_TYPES = ClientMessage.getDescriptor().getOneofs().get(0).getFields()
            .stream().map(FieldDescriptor::getJsonName).collect(Collectors.toUnmodifiableSet());

    private SignalCodec() {}

    public sealed interface Decoded {
        record Valid(ClientMessage message) implements Decoded {}

        record Invalid(String requestId, String code, String message) implements Decoded {}
    }

    public static Decoded decode(String text) {
        JsonNode tree;
        try {
            tree = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return new Decoded.Invalid("", ErrorCodes.BAD_REQUEST,
                    "malformed JSON at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ": a signalling frame is one JSON object");
        }
        if (tree == null || !tree.isObject()) {
            return new Decoded.Invalid("", ErrorCodes.BAD_REQUEST, "a signalling frame is one JSON object");
        }
        String requestId = tree.path("requestId").isTextual() ? tree.get("requestId").asText() : "";
        String type = null;
        for (Iterator<String> names = tree.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("requestId") && !name.equals("request_id")) {
                if (type != null) {
                    return new Decoded.Invalid(requestId, ErrorCodes.BAD_REQUEST,
                            "one message per frame: found both '" + type + "' and '" + name + "'");
                }
                type = name;
            }
        }
        if (type == null) {
            return new Decoded.Invalid(requestId, ErrorCodes.BAD_REQUEST,
                    "no message in the frame; expected one of " + MESSAGE_TYPES);
        }
        if (!MESSAGE_TYPES.contains(type) && !MESSAGE_TYPES.contains(toCamel(type))) {
            return new Decoded.Invalid(requestId, ErrorCodes.UNKNOWN_MESSAGE,
                    "unknown message type '" + type + "'; expected one of " + MESSAGE_TYPES);
        }
        try {
            ClientMessage.Builder builder = ClientMessage.newBuilder();
            PARSER.merge(text, builder);
            return new Decoded.Valid(builder.build());
        } catch (InvalidProtocolBufferException e) {
            return new Decoded.Invalid(requestId, ErrorCodes.BAD_REQUEST, "invalid '" + type + "': " + e.getMessage());
        }
    }

    public static String encode(ServerMessage message) {
        try {
            return PRINTER.print(message);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("a server message could not be printed", e);
        }
    }

    private static String toCamel(String snake) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}

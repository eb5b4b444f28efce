package org.parley.http.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Cookie values the browser carries but cannot forge: {@code base64url(json) "." base64url(hmac)}.
 * The MAC covers the cookie's purpose, so a guest cookie is never accepted as a session. Every value
 * carries its expiry ({@code exp}, epoch seconds); an expired or tampered value reads as absent.
 * Nothing here is secret from the browser, only tamper-proof.
 */
final class CookieSigner {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final Clock clock;

    CookieSigner(byte[] key, Clock clock) {
        this.key = new SecretKeySpec(key, ALGORITHM);
        this.clock = clock;
    }

    String sign(String purpose, ObjectNode payload, Instant expires) {
        ObjectNode body = payload.deepCopy().put("exp", expires.getEpochSecond());
        String encoded = ENCODER.encodeToString(body.toString().getBytes(StandardCharsets.UTF_8));
        return encoded + "." + ENCODER.encodeToString(mac(purpose, encoded));
    }

    Optional<JsonNode> verify(String purpose, String value) {
        int dot = value.indexOf('.');
        if (dot <= 0 || dot != value.lastIndexOf('.')) {
            return Optional.empty();
        }
        String encoded = value.substring(0, dot);
        try {
            byte[] presented = DECODER.decode(value.substring(dot + 1));
            if (!MessageDigest.isEqual(presented, mac(purpose, encoded))) {
                return Optional.empty();
            }
            JsonNode body = JSON.readTree(DECODER.decode(encoded));
            if (body == null || !body.isObject() || !body.path("exp").canConvertToLong()
                    || body.get("exp").asLong() <= clock.instant().getEpochSecond()) {
                return Optional.empty();
            }
            return Optional.of(body);
        } catch (IllegalArgumentException | java.io.IOException e) {
            return Optional.empty();
        }
    }

    static ObjectNode payload() {
        return JSON.createObjectNode();
    }

    private byte[] mac(String purpose, String encoded) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(encoded.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}

package org.parley.engine.participant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secret a browser keeps to take its place back after a dropped connection. Only its hash is
 * persisted, so the event log never holds something that lets a reader impersonate a participant.
 */
public record ResumeToken(String value) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public static ResumeToken random() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return new ResumeToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    public String hash() {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Constant-time comparison: the hash is a secret's stand-in. */
    public boolean matches(String expectedHash) {
        return MessageDigest.isEqual(
                hash().getBytes(StandardCharsets.US_ASCII), expectedHash.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return "ResumeToken[redacted]";
    }
}

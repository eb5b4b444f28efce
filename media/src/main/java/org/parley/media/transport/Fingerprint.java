package org.parley.media.transport;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Map;

/** A certificate fingerprint as SDP signals it ({@code a=fingerprint:sha-256 AB:CD:...}, RFC 8122). */
final class Fingerprint {

    static final String SHA_256 = "sha-256";

    private static final Map<String, String> DIGESTS = Map.of(
            "sha-1", "SHA-1",
            "sha-224", "SHA-224",
            "sha-256", "SHA-256",
            "sha-384", "SHA-384",
            "sha-512", "SHA-512");

    private final String algorithm;
    private final byte[] digest;

    private Fingerprint(String algorithm, byte[] digest) {
        this.algorithm = algorithm;
        this.digest = digest;
    }

    /** The fingerprint of a DER-encoded certificate. */
    static Fingerprint of(String algorithm, byte[] der) {
        String name = algorithm.toLowerCase(Locale.ROOT);
        return new Fingerprint(name, digest(name, der));
    }

    /**
     * Parses a signalled fingerprint: an algorithm token (hash function names of RFC 8122, in any
     * case) and hex bytes, colon-separated or not.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    static Fingerprint parse(String algorithm, String hex) {
        if (algorithm == null || hex == null) {
            throw new IllegalArgumentException("fingerprint algorithm and value are required");
        }
        String name = algorithm.trim().toLowerCase(Locale.ROOT);
        if (!DIGESTS.containsKey(name)) {
            throw new IllegalArgumentException("unsupported fingerprint algorithm: " + algorithm);
        }
        String digits = hex.trim().replace(":", "");
        if (digits.isEmpty() || digits.length() % 2 != 0) {
            throw new IllegalArgumentException("fingerprint is not a whole number of hex bytes");
        }
        byte[] bytes = new byte[digits.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            int hi = Character.digit(digits.charAt(2 * i), 16);
            int lo = Character.digit(digits.charAt(2 * i + 1), 16);
            if (hi < 0 || lo < 0) {
                throw new IllegalArgumentException("fingerprint has a non-hex digit");
            }
            bytes[i] = (byte) (hi << 4 | lo);
        }
        int expected = digest(name, new byte[0]).length;
        if (bytes.length != expected) {
            throw new IllegalArgumentException(
                    name + " fingerprint must be " + expected + " bytes, got " + bytes.length);
        }
        return new Fingerprint(name, bytes);
    }

    /** Whether a DER-encoded certificate has this fingerprint (constant-time comparison). */
    boolean matches(byte[] der) {
        return MessageDigest.isEqual(digest, digest(algorithm, der));
    }

    String algorithm() {
        return algorithm;
    }

    /** Upper-case hex bytes separated by colons, as in SDP. */
    String hex() {
        StringBuilder sb = new StringBuilder(digest.length * 3);
        for (int i = 0; i < digest.length; i++) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(Character.toUpperCase(Character.forDigit((digest[i] >> 4) & 0xF, 16)));
            sb.append(Character.toUpperCase(Character.forDigit(digest[i] & 0xF, 16)));
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return algorithm + " " + hex();
    }

    private static byte[] digest(String sdpName, byte[] data) {
        try {
            return MessageDigest.getInstance(DIGESTS.get(sdpName)).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + sdpName, e);
        }
    }
}

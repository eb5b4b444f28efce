package org.parley.media.sdp;

import java.util.List;

/**
 * The DTLS certificate fingerprint ({@code a=fingerprint:sha-256 AB:CD:...}, RFC 8122). It is what
 * ties the DTLS handshake to the signalled session: the peer's certificate must hash to it.
 */
public record Fingerprint(String algorithm, String hex) implements SdpAttribute {

    /** Parses {@code "<algorithm> <hex pairs separated by colons>"}, the attribute's value. */
    public static Fingerprint parse(String value) throws SdpException {
        List<String> words = SdpTokens.words(value, 2, "fingerprint");
        if (words.size() != 2) {
            throw new SdpException("fingerprint needs exactly an algorithm and a hash, got " + words.size() + " fields");
        }
        String hex = words.get(1);
        if (hex.length() % 3 != 2) {
            throw new SdpException("fingerprint hash is not colon-separated hex pairs: " + hex);
        }
        for (int i = 0; i < hex.length(); i++) {
            char c = hex.charAt(i);
            boolean ok = i % 3 == 2 ? c == ':' : Character.digit(c, 16) >= 0 && c < 0x80;
            if (!ok) {
                throw new SdpException("fingerprint hash is not colon-separated hex pairs: " + hex);
            }
        }
        return new Fingerprint(words.get(0), hex);
    }

    /** The hash bytes, for comparing with the certificate the peer presents in the handshake. */
    public byte[] bytes() {
        byte[] bytes = new byte[(hex.length() + 1) / 3];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(hex, i * 3, i * 3 + 2, 16);
        }
        return bytes;
    }

    @Override
    public String attributeName() {
        return "fingerprint";
    }

    @Override
    public String attributeValue() {
        return algorithm + ' ' + hex;
    }
}

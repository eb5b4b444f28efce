package org.parley.media.transport;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * The SRTP key derivation function (RFC 3711 section 4.3.1, AES-CM PRF, key derivation rate 0;
 * RFC 7714 section 11 uses it unchanged with a 12-byte salt). Runs once per session and direction,
 * never per packet, so it may allocate.
 */
final class SrtpKdf {

    static final int LABEL_RTP_ENCRYPTION = 0;
    static final int LABEL_RTP_AUTH = 1;
    static final int LABEL_RTP_SALT = 2;
    static final int LABEL_RTCP_ENCRYPTION = 3;
    static final int LABEL_RTCP_AUTH = 4;
    static final int LABEL_RTCP_SALT = 5;

    private SrtpKdf() {
    }

    /**
     * x = (label || 0^48) XOR master salt, the salt left-aligned in the 16-byte block and the
     * label at byte 7 (so x * 2^16 for a 14-byte salt); the key is AES-CM(master key) from x.
     */
    static byte[] derive(byte[] masterKey, byte[] masterSalt, int label, int length) {
        try {
            Cipher aes = Cipher.getInstance("AES/ECB/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(masterKey, "AES"));
            int blocks = (length + 15) / 16;
            byte[] counters = new byte[blocks * 16];
            for (int b = 0; b < blocks; b++) {
                int at = b * 16;
                System.arraycopy(masterSalt, 0, counters, at, masterSalt.length);
                counters[at + 7] ^= (byte) label;
                counters[at + 14] = (byte) (b >>> 8);
                counters[at + 15] = (byte) b;
            }
            byte[] stream = aes.doFinal(counters);
            byte[] key = new byte[length];
            System.arraycopy(stream, 0, key, 0, length);
            return key;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES is part of every Java runtime", e);
        }
    }
}

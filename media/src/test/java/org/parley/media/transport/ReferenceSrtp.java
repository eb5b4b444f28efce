package org.parley.media.transport;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A from-the-RFC SRTP sender written for the tests only (plain javax.crypto, no jitsi-srtp), so the
 * production path can be compared byte for byte: RFC 3711 key derivation and AES-CM/HMAC-SHA1-80,
 * RFC 7714 AEAD_AES_128_GCM. Handles 12-byte RTP headers (no CSRC, no extension).
 */
final class ReferenceSrtp {

    static final int LABEL_RTP_ENCRYPTION = 0;
    static final int LABEL_RTP_AUTH = 1;
    static final int LABEL_RTP_SALT = 2;

    private ReferenceSrtp() {
    }

    /** AES in counter mode from a 16-byte initial counter block: the keystream itself. */
    static byte[] keystream(byte[] key, byte[] counter, int length) throws GeneralSecurityException {
        Cipher aes = Cipher.getInstance("AES/CTR/NoPadding");
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(counter));
        return aes.doFinal(new byte[length]);
    }

    /**
     * RFC 3711 section 4.3.1 with key_derivation_rate 0: x = (label || 0^48) XOR master salt, the
     * salt right-aligned in 112 bits, and the session key is AES-CM(master key) from x * 2^16.
     */
    static byte[] deriveSessionKey(byte[] masterKey, byte[] masterSalt, int label, int length)
            throws GeneralSecurityException {
        byte[] x = new byte[16];
        System.arraycopy(masterSalt, 0, x, 0, masterSalt.length);
        x[7] ^= (byte) label;
        return keystream(masterKey, x, length);
    }

    /** RFC 3711 AES_128_CM_HMAC_SHA1_80 protection of one RTP packet with ROC {@code roc}. */
    static byte[] protectAesCm(byte[] masterKey, byte[] masterSalt, byte[] rtp, int roc)
            throws GeneralSecurityException {
        byte[] key = deriveSessionKey(masterKey, masterSalt, LABEL_RTP_ENCRYPTION, 16);
        byte[] salt = deriveSessionKey(masterKey, masterSalt, LABEL_RTP_SALT, 14);
        byte[] authKey = deriveSessionKey(masterKey, masterSalt, LABEL_RTP_AUTH, 20);
        int seq = ((rtp[2] & 0xFF) << 8) | (rtp[3] & 0xFF);
        long index = ((long) roc << 16) | seq;
        // IV = (k_s * 2^16) XOR (SSRC * 2^64) XOR (i * 2^16)
        byte[] iv = new byte[16];
        System.arraycopy(salt, 0, iv, 0, 14);
        for (int i = 0; i < 4; i++) {
            iv[4 + i] ^= rtp[8 + i];
        }
        for (int i = 0; i < 6; i++) {
            iv[8 + i] ^= (byte) (index >>> (8 * (5 - i)));
        }
        byte[] ks = keystream(key, iv, rtp.length - 12);
        byte[] out = Arrays.copyOf(rtp, rtp.length + 10);
        for (int i = 12; i < rtp.length; i++) {
            out[i] ^= ks[i - 12];
        }
        Mac hmac = Mac.getInstance("HmacSHA1");
        hmac.init(new SecretKeySpec(authKey, "HmacSHA1"));
        hmac.update(out, 0, rtp.length);
        hmac.update(ByteBuffer.allocate(4).putInt(roc).array());
        System.arraycopy(hmac.doFinal(), 0, out, rtp.length, 10);
        return out;
    }

    /** RFC 7714 AEAD_AES_128_GCM protection of one RTP packet with ROC {@code roc}. */
    static byte[] protectAesGcm(byte[] masterKey, byte[] masterSalt, byte[] rtp, int roc)
            throws GeneralSecurityException {
        byte[] key = deriveSessionKey(masterKey, masterSalt, LABEL_RTP_ENCRYPTION, 16);
        byte[] salt = deriveSessionKey(masterKey, masterSalt, LABEL_RTP_SALT, 12);
        // IV = (0x0000 || SSRC || ROC || SEQ) XOR salt (section 8.1)
        byte[] iv = ByteBuffer.allocate(12).putShort((short) 0).put(rtp, 8, 4).putInt(roc)
                .put(rtp, 2, 2).array();
        for (int i = 0; i < 12; i++) {
            iv[i] ^= salt[i];
        }
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
        gcm.updateAAD(rtp, 0, 12);
        byte[] sealed = gcm.doFinal(rtp, 12, rtp.length - 12);
        byte[] out = Arrays.copyOf(rtp, 12 + sealed.length);
        System.arraycopy(sealed, 0, out, 12, sealed.length);
        return out;
    }
}

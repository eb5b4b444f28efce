package org.parley.media.bench;

import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The benchmark's reference SRTP: one direction of one RTP stream, written from RFC 3711
 * (AES_CM_128_HMAC_SHA1_80) and RFC 7714 (AEAD_AES_128_GCM) with nothing but {@code javax.crypto},
 * used the plain way (a cipher initialized per packet with that packet's IV). It keeps the state
 * a receiver needs to be honest about the work — rollover counter estimate and a 64-packet replay
 * window — and no more: no SRTCP, no key derivation rate, no MKI.
 */
final class BareSrtp {

    enum Profile {
        AEAD_AES_128_GCM(12, 16),
        AES128_CM_HMAC_SHA1_80(14, 10);

        final int saltLength;
        final int tagLength;

        Profile(int saltLength, int tagLength) {
            this.saltLength = saltLength;
            this.tagLength = tagLength;
        }
    }

    private static final int KEY_LENGTH = 16;
    private static final int LABEL_ENCRYPTION = 0;
    private static final int LABEL_AUTHENTICATION = 1;
    private static final int LABEL_SALT = 2;
    private static final int REPLAY_WINDOW = 64;

    private final Profile profile;
    private final SecretKeySpec key;
    private final byte[] salt;
    private final Cipher cipher;
    private final Mac hmac;
    private final byte[] iv;
    private final byte[] digest = new byte[20];
    private final byte[] roc = new byte[4];

    // Receiver: RFC 3711 section 3.3.1 index estimate and replay list.
    private boolean receivedAny;
    private int highestSequence;
    private long highestRoc;
    private long replayBits;
    // Sender: its own rollover counter.
    private boolean sentAny;
    private int lastSentSequence;
    private long sendRoc;

    private BareSrtp(Profile profile, byte[] masterKey, byte[] masterSalt) throws GeneralSecurityException {
        this.profile = profile;
        this.key = new SecretKeySpec(derive(masterKey, masterSalt, LABEL_ENCRYPTION, KEY_LENGTH), "AES");
        this.salt = derive(masterKey, masterSalt, LABEL_SALT, profile.saltLength);
        if (profile == Profile.AEAD_AES_128_GCM) {
            this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
            this.hmac = null;
            this.iv = new byte[12];
        } else {
            this.cipher = Cipher.getInstance("AES/CTR/NoPadding");
            this.hmac = Mac.getInstance("HmacSHA1");
            this.hmac.init(new SecretKeySpec(derive(masterKey, masterSalt, LABEL_AUTHENTICATION, 20), "HmacSHA1"));
            this.iv = new byte[16];
        }
    }

    static BareSrtp create(Profile profile, byte[] masterKey, byte[] masterSalt) {
        try {
            return new BareSrtp(profile, masterKey, masterSalt);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Authenticates and decrypts {@code in[off, off+len)} into {@code out} from 0.
     *
     * @return the plain packet's length, or -1 if it is malformed, replayed or forged
     */
    int unprotect(byte[] in, int off, int len, byte[] out) {
        int header = headerLength(in, off, len);
        int plainLength = len - profile.tagLength;
        if (header < 0 || plainLength < header) {
            return -1;
        }
        int sequence = ((in[off + 2] & 0xFF) << 8) | (in[off + 3] & 0xFF);
        long guessedRoc = guessRoc(sequence);
        long index = (guessedRoc << 16) | sequence;
        if (!fresh(index)) {
            return -1;
        }
        try {
            if (profile == Profile.AEAD_AES_128_GCM) {
                gcmIv(in, off, guessedRoc, sequence);
                cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, iv));
                cipher.updateAAD(in, off, header);
                cipher.doFinal(in, off + header, len - header, out, header);
            } else {
                putRoc(guessedRoc);
                hmac.update(in, off, plainLength);
                hmac.update(roc, 0, 4);
                hmac.doFinal(digest, 0);
                int diff = 0;
                for (int i = 0; i < profile.tagLength; i++) {
                    diff |= digest[i] ^ in[off + plainLength + i];
                }
                if (diff != 0) {
                    return -1;
                }
                ctrIv(in, off, index);
                cipher.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(iv));
                cipher.doFinal(in, off + header, plainLength - header, out, header);
            }
        } catch (AEADBadTagException e) {
            return -1;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        System.arraycopy(in, off, out, 0, header);
        accept(index, guessedRoc, sequence);
        return plainLength;
    }

    /** Encrypts {@code in[0, len)} into {@code out} from 0 and appends the tag; returns the length. */
    int protect(byte[] in, int len, byte[] out) {
        int header = headerLength(in, 0, len);
        if (header < 0) {
            return -1;
        }
        int sequence = ((in[2] & 0xFF) << 8) | (in[3] & 0xFF);
        if (sentAny && sequence < lastSentSequence && lastSentSequence - sequence > 0x8000) {
            sendRoc++;
        }
        sentAny = true;
        lastSentSequence = sequence;
        System.arraycopy(in, 0, out, 0, header);
        try {
            if (profile == Profile.AEAD_AES_128_GCM) {
                gcmIv(in, 0, sendRoc, sequence);
                cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
                cipher.updateAAD(in, 0, header);
                return header + cipher.doFinal(in, header, len - header, out, header);
            }
            ctrIv(in, 0, (sendRoc << 16) | sequence);
            cipher.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(iv));
            cipher.doFinal(in, header, len - header, out, header);
            putRoc(sendRoc);
            hmac.update(out, 0, len);
            hmac.update(roc, 0, 4);
            hmac.doFinal(digest, 0);
            System.arraycopy(digest, 0, out, len, profile.tagLength);
            return len + profile.tagLength;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Forgets what was received: a receiver just keyed. */
    void resetReceiver() {
        receivedAny = false;
        highestSequence = 0;
        highestRoc = 0;
        replayBits = 0;
    }

    private long guessRoc(int sequence) {
        if (!receivedAny) {
            return highestRoc;
        }
        if (highestSequence < 0x8000) {
            return sequence - highestSequence > 0x8000 ? highestRoc - 1 : highestRoc;
        }
        return highestSequence - 0x8000 > sequence ? highestRoc + 1 : highestRoc;
    }

    private boolean fresh(long index) {
        if (!receivedAny) {
            return true;
        }
        long delta = index - ((highestRoc << 16) | highestSequence);
        if (delta > 0) {
            return true;
        }
        return -delta < REPLAY_WINDOW && (replayBits & (1L << -delta)) == 0;
    }

    private void accept(long index, long newRoc, int sequence) {
        if (!receivedAny) {
            receivedAny = true;
            replayBits = 1;
            highestRoc = newRoc;
            highestSequence = sequence;
            return;
        }
        long delta = index - ((highestRoc << 16) | highestSequence);
        if (delta > 0) {
            replayBits = delta < REPLAY_WINDOW ? (replayBits << delta) | 1 : 1;
            highestRoc = newRoc;
            highestSequence = sequence;
        } else {
            replayBits |= 1L << -delta;
        }
    }

    private void putRoc(long value) {
        roc[0] = (byte) (value >>> 24);
        roc[1] = (byte) (value >>> 16);
        roc[2] = (byte) (value >>> 8);
        roc[3] = (byte) value;
    }

    /** RFC 7714 section 8.1: (0x0000 || SSRC || ROC || SEQ) XOR salt. */
    private void gcmIv(byte[] packet, int off, long rollover, int sequence) {
        iv[0] = salt[0];
        iv[1] = salt[1];
        for (int i = 0; i < 4; i++) {
            iv[2 + i] = (byte) (salt[2 + i] ^ packet[off + 8 + i]);
            iv[6 + i] = (byte) (salt[6 + i] ^ (rollover >>> (24 - 8 * i)));
        }
        iv[10] = (byte) (salt[10] ^ (sequence >>> 8));
        iv[11] = (byte) (salt[11] ^ sequence);
    }

    /** RFC 3711 section 4.1.1: (salt * 2^16) XOR (SSRC * 2^64) XOR (index * 2^16). */
    private void ctrIv(byte[] packet, int off, long index) {
        System.arraycopy(salt, 0, iv, 0, 14);
        iv[14] = 0;
        iv[15] = 0;
        for (int i = 0; i < 4; i++) {
            iv[4 + i] ^= packet[off + 8 + i];
        }
        for (int i = 0; i < 6; i++) {
            iv[8 + i] ^= (byte) (index >>> (40 - 8 * i));
        }
    }

    /** The RTP header length (fixed part, CSRCs, extension), or -1 if it does not fit. */
    static int headerLength(byte[] p, int off, int len) {
        if (len < 12 || (p[off] & 0xC0) != 0x80) {
            return -1;
        }
        int length = 12 + 4 * (p[off] & 0x0F);
        if ((p[off] & 0x10) != 0) {
            if (len < length + 4) {
                return -1;
            }
            length += 4 + 4 * (((p[off + length + 2] & 0xFF) << 8) | (p[off + length + 3] & 0xFF));
        }
        return length <= len ? length : -1;
    }

    /**
     * RFC 3711 section 4.3 with key derivation rate 0: AES-CM under the master key, starting from
     * (label * 2^48 XOR master salt) * 2^16. Set-up only.
     */
    private static byte[] derive(byte[] masterKey, byte[] masterSalt, int label, int length)
            throws GeneralSecurityException {
        byte[] x = new byte[16];
        System.arraycopy(masterSalt, 0, x, 0, masterSalt.length);
        x[7] ^= (byte) label;
        Cipher aes = Cipher.getInstance("AES/CTR/NoPadding");
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(masterKey, "AES"), new IvParameterSpec(x));
        return aes.doFinal(new byte[length]);
    }
}

package org.parley.media.transport;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * HMAC-SHA1 (RFC 2104) over two reused {@link MessageDigest}s, written into a caller's array. The
 * JCA {@code Mac} would do, but its {@code doFinal(out, off)} goes through {@code doFinal()} and
 * allocates the 20-byte result every call (measured: 40 bytes per tag); {@code MessageDigest.digest}
 * into an array allocates nothing. The work is the same as {@code Mac}'s: both absorb the padded
 * key block again for every message.
 *
 * <p>Not thread-safe: one per stream.
 */
final class HmacSha1 {

    static final int LENGTH = 20;
    private static final int BLOCK = 64;

    private final MessageDigest inner;
    private final MessageDigest outer;
    private final byte[] innerPad = new byte[BLOCK];
    private final byte[] outerPad = new byte[BLOCK];
    private final byte[] innerHash = new byte[LENGTH];

    HmacSha1(byte[] key) {
        if (key.length > BLOCK) {
            throw new IllegalArgumentException("SRTP authentication keys are 20 bytes");
        }
        try {
            inner = MessageDigest.getInstance("SHA-1");
            outer = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every Java runtime", e);
        }
        for (int i = 0; i < BLOCK; i++) {
            byte k = i < key.length ? key[i] : 0;
            innerPad[i] = (byte) (k ^ 0x36);
            outerPad[i] = (byte) (k ^ 0x5c);
        }
        inner.update(innerPad);
    }

    void update(byte[] buf, int off, int len) {
        inner.update(buf, off, len);
    }

    /** Writes the 20-byte MAC of everything updated since the last call, and starts a new one. */
    void finish(byte[] out) {
        try {
            inner.digest(innerHash, 0, LENGTH);
            outer.update(outerPad);
            outer.update(innerHash);
            outer.digest(out, 0, LENGTH);
        } catch (DigestException e) {
            throw new IllegalStateException(e);
        }
        inner.update(innerPad);
    }
}

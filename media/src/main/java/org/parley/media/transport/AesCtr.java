package org.parley.media.transport;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES counter-mode keystream for one stream: counter blocks are written into a preallocated array
 * and encrypted in one {@code AES/ECB/NoPadding} call into another, then XORed into the packet in
 * place. A JCA counter-mode or GCM {@code Cipher} would need an {@code init} with a new IV object
 * per packet, which allocates; an ECB cipher is keyed once and only ever {@code update}d.
 *
 * <p>Not thread-safe: one per stream, used under that stream's confinement.
 */
final class AesCtr {

    /** Enough blocks for the largest datagram plus a GCM tag mask block. */
    static final int MAX_BLOCKS = (PacketBuffer.MAX_DATAGRAM + PacketBuffer.MAX_TRAILER) / 16 + 2;

    private final Cipher ecb;
    private final byte[] counters = new byte[MAX_BLOCKS * 16];
    private final byte[] stream = new byte[MAX_BLOCKS * 16];

    AesCtr(byte[] key) {
        try {
            ecb = Cipher.getInstance("AES/ECB/NoPadding");
            ecb.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES is part of every Java runtime", e);
        }
    }

    /**
     * Generates {@code blocks} keystream blocks from {@code first}, a 16-byte counter block whose
     * last 32 bits are incremented per block (RFC 3711 increments the low 16 bits from zero; GCM's
     * inc32 the low 32: for fewer than 2^16 blocks both are the same addition).
     */
    void generate(byte[] first, int blocks) {
        int base = ((first[12] & 0xFF) << 24) | ((first[13] & 0xFF) << 16) | ((first[14] & 0xFF) << 8)
                | (first[15] & 0xFF);
        for (int b = 0, at = 0; b < blocks; b++, at += 16) {
            System.arraycopy(first, 0, counters, at, 12);
            int c = base + b;
            counters[at + 12] = (byte) (c >>> 24);
            counters[at + 13] = (byte) (c >>> 16);
            counters[at + 14] = (byte) (c >>> 8);
            counters[at + 15] = (byte) c;
        }
        try {
            ecb.update(counters, 0, blocks * 16, stream, 0);
        } catch (ShortBufferException e) {
            throw new IllegalStateException(e);
        }
    }

    /** XORs {@code len} bytes of the generated keystream, from {@code streamOff}, into buf. */
    void xor(int streamOff, byte[] buf, int off, int len) {
        byte[] s = stream;
        for (int i = 0; i < len; i++) {
            buf[off + i] ^= s[streamOff + i];
        }
    }

    /** A byte of the generated keystream (GCM's tag mask is block 0). */
    byte streamByte(int at) {
        return stream[at];
    }

    /** Encrypts one block (GCM's hash key H = E(K, 0^128)); at set-up only. */
    void encryptBlock(byte[] in, byte[] out) {
        try {
            ecb.update(in, 0, 16, out, 0);
        } catch (ShortBufferException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Blocks needed for {@code bytes} of keystream. */
    static int blocksFor(int bytes) {
        return (bytes + 15) >>> 4;
    }
}

package org.parley.media.transport;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
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

    /** Big-endian longs: counter blocks. */
    static final VarHandle LONGS_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    /** Native-order longs: XOR does not care about order, so take the cheapest. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());

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
        long high = (long) LONGS_BE.get(first, 0);
        long low = (long) LONGS_BE.get(first, 8);
        long fixed = low & 0xFFFF_FFFF_0000_0000L;
        int base = (int) low;
        // Eight bytes at a time: a byte loop here measured slower than the AES itself.
        for (int b = 0, at = 0; b < blocks; b++, at += 16) {
            LONGS_BE.set(counters, at, high);
            LONGS_BE.set(counters, at + 8, fixed | ((base + b) & 0xFFFF_FFFFL));
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
        int i = 0;
        for (; i + 8 <= len; i += 8) {
            LONGS.set(buf, off + i, (long) LONGS.get(buf, off + i) ^ (long) LONGS.get(s, streamOff + i));
        }
        for (; i < len; i++) {
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

package org.parley.media.transport;

/**
 * GCM's hash key H expanded for multiplication in GF(2^128) (NIST SP 800-38D, section 6.3) by
 * table look-up: for each of the 32 four-bit positions of a block, the product of H with each of
 * the 16 values a nibble at that position can take. X * H is then the XOR of 32 entries. 8 KB per
 * key, immutable once built, so one table serves every stream of a session direction.
 */
final class GhashTable {

    /** Reduction constant R = 11100001 || 0^120, as the high 64 bits. */
    private static final long R = 0xE100_0000_0000_0000L;

    final long[] hi = new long[32 * 16];
    final long[] lo = new long[32 * 16];

    GhashTable(byte[] h) {
        long vh = readLong(h, 0);
        long vl = readLong(h, 8);
        // p[k] = H * x^k, bit k counted from the most significant bit of the block.
        long[] ph = new long[128];
        long[] pl = new long[128];
        for (int k = 0; k < 128; k++) {
            ph[k] = vh;
            pl[k] = vl;
            boolean carry = (vl & 1) != 0;
            vl = (vl >>> 1) | (vh << 63);
            vh >>>= 1;
            if (carry) {
                vh ^= R;
            }
        }
        for (int pos = 0; pos < 32; pos++) {
            for (int n = 0; n < 16; n++) {
                long th = 0;
                long tl = 0;
                for (int j = 0; j < 4; j++) {
                    if ((n & (8 >>> j)) != 0) {
                        th ^= ph[4 * pos + j];
                        tl ^= pl[4 * pos + j];
                    }
                }
                hi[pos * 16 + n] = th;
                lo[pos * 16 + n] = tl;
            }
        }
    }

    static long readLong(byte[] b, int at) {
        return (long) AesCtr.LONGS_BE.get(b, at);
    }
}

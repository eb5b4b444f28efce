package org.parley.media.transport;

/**
 * AEAD_AES_128_GCM for SRTP and SRTCP (RFC 7714): IV = (0x0000 || SSRC || ROC || SEQ) XOR salt
 * for RTP, (0x0000 || SSRC || 0x0000 || SRTCP index) XOR salt for RTCP; the RTP header, or the
 * RTCP header and the E|index word, are the associated data; the 16-byte tag follows the
 * ciphertext (and precedes the E|index word in SRTCP).
 *
 * <p>GCM is assembled from counter-mode AES ({@link AesCtr}: J0 gives the tag mask, J0 + 1 on the
 * payload) and GHASH with {@link GhashTable}: the JCA's GCM {@code Cipher} needs an {@code init}
 * with a new {@code GCMParameterSpec} per packet, and SunJCE's builds new GHASH and counter engines
 * at every {@code init} (about 1 kB per packet, measured by the benchmark's reference).
 */
final class GcmCipher extends SrtpCipher {

    static final int TAG = 16;

    private final byte[] salt;
    private final GhashTable table;
    private final AesCtr ctr;
    private final byte[] j0 = new byte[16];
    /** The associated data, gathered in one place (SRTCP's is not contiguous). */
    private final byte[] aad = new byte[PacketBuffer.MAX_DATAGRAM];
    private final byte[] tag = new byte[TAG];
    private long xh;
    private long xl;

    GcmCipher(SrtpSessionKeys.Keys keys, GhashTable table) {
        this.salt = keys.salt();
        this.table = table;
        this.ctr = new AesCtr(keys.encryptionKey());
    }

    /** The hash key of a session key: H = E(K, 0^128). */
    static GhashTable tableFor(byte[] encryptionKey) {
        byte[] h = new byte[16];
        new AesCtr(encryptionKey).encryptBlock(new byte[16], h);
        return new GhashTable(h);
    }

    @Override
    int rtpTagLength() {
        return TAG;
    }

    @Override
    int rtcpTrailerLength() {
        return TAG + 4;
    }

    @Override
    void protectRtp(byte[] b, int off, int headerLen, int len, int ssrc, long index) {
        rtpIv(ssrc, index);
        System.arraycopy(b, off, aad, 0, headerLen);
        seal(headerLen, b, off + headerLen, len - headerLen);
    }

    @Override
    boolean unprotectRtp(byte[] b, int off, int headerLen, int len, int ssrc, long index) {
        rtpIv(ssrc, index);
        System.arraycopy(b, off, aad, 0, headerLen);
        return open(headerLen, b, off + headerLen, len - headerLen);
    }

    @Override
    void protectRtcp(byte[] b, int off, int len, int ssrc, int index) {
        rtcpIv(ssrc, index);
        System.arraycopy(b, off, aad, 0, 8);
        writeInt(aad, 8, 0x8000_0000 | index);
        seal(12, b, off + 8, len - 8);
        writeInt(b, off + len + TAG, 0x8000_0000 | index);
    }

    @Override
    int rtcpIndexOffset(int len) {
        return len - 4;
    }

    @Override
    boolean unprotectRtcp(byte[] b, int off, int len, int ssrc, int eIndex) {
        rtcpIv(ssrc, eIndex & 0x7FFF_FFFF);
        int sealed = len - 4 - TAG;
        if (eIndex < 0) {
            System.arraycopy(b, off, aad, 0, 8);
            writeInt(aad, 8, eIndex);
            return open(12, b, off + 8, sealed - 8);
        }
        // E = 0: authenticated only, the whole packet is associated data (RFC 7714 section 9.2).
        System.arraycopy(b, off, aad, 0, sealed);
        writeInt(aad, sealed, eIndex);
        return open(sealed + 4, b, off + sealed, 0);
    }

    private void rtpIv(int ssrc, long index) {
        byte[] v = j0;
        v[0] = 0;
        v[1] = 0;
        writeInt(v, 2, ssrc);
        writeInt(v, 6, (int) (index >>> 16));
        v[10] = (byte) (index >>> 8);
        v[11] = (byte) index;
        finishJ0();
    }

    private void rtcpIv(int ssrc, int index) {
        byte[] v = j0;
        v[0] = 0;
        v[1] = 0;
        writeInt(v, 2, ssrc);
        v[6] = 0;
        v[7] = 0;
        writeInt(v, 8, index);
        finishJ0();
    }

    private void finishJ0() {
        for (int i = 0; i < 12; i++) {
            j0[i] ^= salt[i];
        }
        writeInt(j0, 12, 1);
    }

    private void seal(int aadLen, byte[] b, int off, int len) {
        ctr.generate(j0, 1 + AesCtr.blocksFor(len));
        ctr.xor(16, b, off, len);
        hash(aadLen, b, off, len);
        for (int i = 0; i < TAG; i++) {
            b[off + len + i] = tag[i];
        }
    }

    private boolean open(int aadLen, byte[] b, int off, int len) {
        ctr.generate(j0, 1 + AesCtr.blocksFor(len));
        hash(aadLen, b, off, len);
        if (!sameBytes(tag, 0, b, off + len, TAG)) {
            return false;
        }
        ctr.xor(16, b, off, len);
        return true;
    }

    /** tag = GHASH(H, A, C) XOR E(K, J0); the keystream's block 0 is E(K, J0). */
    private void hash(int aadLen, byte[] c, int cOff, int cLen) {
        xh = 0;
        xl = 0;
        absorb(aad, 0, aadLen);
        absorb(c, cOff, cLen);
        // The lengths block: len(A) || len(C), in bits, 64 each.
        xh ^= (long) aadLen * 8;
        xl ^= (long) cLen * 8;
        multiply();
        for (int i = 0; i < 8; i++) {
            tag[i] = (byte) ((xh >>> (56 - 8 * i)) ^ ctr.streamByte(i));
            tag[8 + i] = (byte) ((xl >>> (56 - 8 * i)) ^ ctr.streamByte(8 + i));
        }
    }

    private void absorb(byte[] b, int off, int len) {
        int end = off + len;
        int at = off;
        for (; at + 16 <= end; at += 16) {
            xh ^= GhashTable.readLong(b, at);
            xl ^= GhashTable.readLong(b, at + 8);
            multiply();
        }
        if (at < end) {
            long h = 0;
            long l = 0;
            for (int i = 0; i < 16; i++) {
                long v = at + i < end ? b[at + i] & 0xFF : 0;
                if (i < 8) {
                    h = (h << 8) | v;
                } else {
                    l = (l << 8) | v;
                }
            }
            xh ^= h;
            xl ^= l;
            multiply();
        }
    }

    /** X = X * H, a nibble at a time through the table. */
    private void multiply() {
        long[] th = table.hi;
        long[] tl = table.lo;
        long h = xh;
        long l = xl;
        long zh = 0;
        long zl = 0;
        for (int pos = 0; pos < 16; pos++) {
            int i = (pos << 4) | (int) ((h >>> (60 - 4 * pos)) & 15);
            zh ^= th[i];
            zl ^= tl[i];
        }
        for (int pos = 0; pos < 16; pos++) {
            int i = ((16 + pos) << 4) | (int) ((l >>> (60 - 4 * pos)) & 15);
            zh ^= th[i];
            zl ^= tl[i];
        }
        xh = zh;
        xl = zl;
    }
}

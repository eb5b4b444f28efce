package org.parley.media.transport;

/**
 * AES_128_CM with HMAC-SHA1 (RFC 3711 sections 4.1.1 and 4.2.1): counter-mode encryption from
 * IV = (k_s * 2^16) XOR (SSRC * 2^64) XOR (i * 2^16), and a truncated HMAC-SHA1 tag over the
 * authenticated portion followed by the ROC (SRTP) or over the packet with its E|index (SRTCP).
 */
final class CmHmacCipher extends SrtpCipher {

    private final byte[] salt;
    private final int rtpTagLength;
    private final int rtcpTagLength;
    private final AesCtr ctr;
    private final HmacSha1 hmac;
    private final byte[] iv = new byte[16];
    private final byte[] tag = new byte[HmacSha1.LENGTH];
    private final byte[] roc = new byte[4];

    /**
     * @param keys RTP or RTCP session keys of one direction
     * @param rtpTagLength 10 or 4 bytes (unused for SRTCP streams)
     * @param rtcpTagLength 10 bytes for every CM profile (see {@link SrtpProfile})
     */
    CmHmacCipher(SrtpSessionKeys.Keys keys, int rtpTagLength, int rtcpTagLength) {
        this.salt = keys.salt();
        this.rtpTagLength = rtpTagLength;
        this.rtcpTagLength = rtcpTagLength;
        this.ctr = new AesCtr(keys.encryptionKey());
        this.hmac = new HmacSha1(keys.authKey());
    }

    @Override
    int rtpTagLength() {
        return rtpTagLength;
    }

    @Override
    int rtcpTrailerLength() {
        return 4 + rtcpTagLength;
    }

    @Override
    void protectRtp(byte[] b, int off, int headerLen, int len, int ssrc, long index) {
        crypt(b, off + headerLen, len - headerLen, ssrc, index);
        mac(b, off, len, true, (int) (index >>> 16));
        System.arraycopy(tag, 0, b, off + len, rtpTagLength);
    }

    @Override
    boolean unprotectRtp(byte[] b, int off, int headerLen, int len, int ssrc, long index) {
        mac(b, off, len, true, (int) (index >>> 16));
        if (!sameBytes(tag, 0, b, off + len, rtpTagLength)) {
            return false;
        }
        crypt(b, off + headerLen, len - headerLen, ssrc, index);
        return true;
    }

    @Override
    void protectRtcp(byte[] b, int off, int len, int ssrc, int index) {
        crypt(b, off + 8, len - 8, ssrc, index);
        writeInt(b, off + len, 0x8000_0000 | index);
        mac(b, off, len + 4, false, 0);
        System.arraycopy(tag, 0, b, off + len + 4, rtcpTagLength);
    }

    @Override
    int rtcpIndexOffset(int len) {
        return len - rtcpTagLength - 4;
    }

    @Override
    boolean unprotectRtcp(byte[] b, int off, int len, int ssrc, int eIndex) {
        int authenticated = len - rtcpTagLength;
        mac(b, off, authenticated, false, 0);
        if (!sameBytes(tag, 0, b, off + authenticated, rtcpTagLength)) {
            return false;
        }
        if (eIndex < 0) {
            crypt(b, off + 8, authenticated - 4 - 8, ssrc, eIndex & 0x7FFF_FFFF);
        }
        return true;
    }

    private void crypt(byte[] b, int off, int len, int ssrc, long index) {
        if (len <= 0) {
            return;
        }
        byte[] v = iv;
        System.arraycopy(salt, 0, v, 0, 14);
        v[14] = 0;
        v[15] = 0;
        v[4] ^= (byte) (ssrc >>> 24);
        v[5] ^= (byte) (ssrc >>> 16);
        v[6] ^= (byte) (ssrc >>> 8);
        v[7] ^= (byte) ssrc;
        for (int i = 0; i < 6; i++) {
            v[8 + i] ^= (byte) (index >>> (8 * (5 - i)));
        }
        ctr.generate(v, AesCtr.blocksFor(len));
        ctr.xor(0, b, off, len);
    }

    private void mac(byte[] b, int off, int len, boolean withRoc, int rolloverCounter) {
        hmac.update(b, off, len);
        if (withRoc) {
            writeInt(roc, 0, rolloverCounter);
            hmac.update(roc, 0, 4);
        }
        hmac.finish(tag);
    }
}

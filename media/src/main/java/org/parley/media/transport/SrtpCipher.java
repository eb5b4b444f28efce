package org.parley.media.transport;

/**
 * The packet cryptography of one SRTP or SRTCP stream of one profile, keyed once with that
 * session's derived keys. Lengths are those of the packet without its SRTP trailer; indexes and
 * replay are the stream's business ({@link SrtpStream}, {@link SrtcpStream}).
 *
 * <p>Not thread-safe and allocation-free: every buffer is the instance's own.
 */
abstract class SrtpCipher {

    /** Bytes appended to an RTP packet. */
    abstract int rtpTagLength();

    /** Bytes appended to an RTCP packet: the E flag and SRTCP index and the tag. */
    abstract int rtcpTrailerLength();

    /** Encrypts the payload in place and writes the tag at {@code off + len}. */
    abstract void protectRtp(byte[] b, int off, int headerLen, int len, int ssrc, long index);

    /** Checks the tag at {@code off + len}; if it is right, decrypts in place and returns true. */
    abstract boolean unprotectRtp(byte[] b, int off, int headerLen, int len, int ssrc, long index);

    /** Encrypts after the first 8 bytes and appends E|index and the tag. */
    abstract void protectRtcp(byte[] b, int off, int len, int ssrc, int index);

    /** Where the E|SRTCP index word of a received packet of {@code len} bytes is, from off. */
    abstract int rtcpIndexOffset(int len);

    /**
     * Checks the tag of a received SRTCP packet of {@code len} bytes (trailer included) whose
     * E|index word is {@code eIndex}; if it is right, decrypts in place (when E is set) and returns
     * true. The plain packet is {@code len - rtcpTrailerLength()} bytes.
     */
    abstract boolean unprotectRtcp(byte[] b, int off, int len, int ssrc, int eIndex);

    static void writeInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    static int readInt(byte[] b, int at) {
        return ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8)
                | (b[at + 3] & 0xFF);
    }

    /** Compares without an early exit, so the time taken says nothing about where they differ. */
    static boolean sameBytes(byte[] a, int aOff, byte[] b, int bOff, int len) {
        int diff = 0;
        for (int i = 0; i < len; i++) {
            diff |= a[aOff + i] ^ b[bOff + i];
        }
        return diff == 0;
    }
}

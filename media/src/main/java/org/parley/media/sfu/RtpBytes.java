package org.parley.media.sfu;

/** The few RTP/RTCP header fields the router reads, straight from the bytes (no allocation). */
final class RtpBytes {

    static final int RTCP_SR = 200;
    static final int RTCP_RTPFB = 205;
    static final int RTCP_PSFB = 206;

    private RtpBytes() {}

    static boolean isRtp(byte[] b, int off, int len) {
        return len >= 12 && (b[off] & 0xC0) == 0x80;
    }

    static long ssrc(byte[] b, int off) {
        return u32(b, off + 8);
    }

    static int sequence(byte[] b, int off) {
        return ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF);
    }

    static long u32(byte[] b, int at) {
        return ((long) (b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }

    static void putU32(byte[] b, int at, long value) {
        b[at] = (byte) (value >>> 24);
        b[at + 1] = (byte) (value >>> 16);
        b[at + 2] = (byte) (value >>> 8);
        b[at + 3] = (byte) value;
    }
}

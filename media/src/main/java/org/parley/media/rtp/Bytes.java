package org.parley.media.rtp;

/** Big-endian (network order) field access shared by the RTP and RTCP views. Callers check bounds. */
final class Bytes {

    private Bytes() {
    }

    static int uint8(byte[] b, int at) {
        return b[at] & 0xFF;
    }

    static int uint16(byte[] b, int at) {
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }

    /** Little-endian, as in VP8's key-frame header. */
    static int uint16le(byte[] b, int at) {
        return (b[at] & 0xFF) | ((b[at + 1] & 0xFF) << 8);
    }

    static int uint24(byte[] b, int at) {
        return ((b[at] & 0xFF) << 16) | ((b[at + 1] & 0xFF) << 8) | (b[at + 2] & 0xFF);
    }

    static long uint32(byte[] b, int at) {
        return ((long) (b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }

    static void putUint16(byte[] b, int at, int value) {
        b[at] = (byte) (value >> 8);
        b[at + 1] = (byte) value;
    }

    static void putUint24(byte[] b, int at, int value) {
        b[at] = (byte) (value >> 16);
        b[at + 1] = (byte) (value >> 8);
        b[at + 2] = (byte) value;
    }

    static void putUint32(byte[] b, int at, long value) {
        b[at] = (byte) (value >> 24);
        b[at + 1] = (byte) (value >> 16);
        b[at + 2] = (byte) (value >> 8);
        b[at + 3] = (byte) value;
    }
}

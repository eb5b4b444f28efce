package org.parley.media.bench;

import java.util.Random;

/**
 * Plain RTP packets shaped like what Chrome sends for a VP8 camera track (see
 * {@code src/test/resources/rtp/chrome-srtp-packets.txt}): the one-byte header extensions it puts
 * on every video packet (abs-send-time id 2, transport-wide-cc id 3, mid id 4), a VP8 payload
 * descriptor with a 15-bit picture id, frames of {@link #PACKETS_PER_FRAME} packets at 30 fps
 * (about 2.4 Mbit/s), the marker bit on each frame's last packet, and a payload that does not
 * compress.
 */
final class VideoPackets {

    static final int PAYLOAD_TYPE = 96;
    static final int PACKETS_PER_FRAME = 9;
    static final int TICKS_PER_FRAME = 90_000 / 30;
    /** 12-byte fixed header + 4-byte extension header + 3 words of extensions. */
    static final int HEADER_LENGTH = 28;

    private VideoPackets() {
    }

    /** Packet {@code i} of the stream: sequence number {@code i} mod 2^16. */
    static byte[] packet(int i, long ssrc, int length, Random random) {
        int frame = i / PACKETS_PER_FRAME;
        boolean first = i % PACKETS_PER_FRAME == 0;
        boolean last = i % PACKETS_PER_FRAME == PACKETS_PER_FRAME - 1;
        byte[] p = new byte[length];
        p[0] = (byte) 0x90; // V=2, X=1
        p[1] = (byte) ((last ? 0x80 : 0) | PAYLOAD_TYPE);
        putU16(p, 2, i);
        putU32(p, 4, 1_234_567L + (long) frame * TICKS_PER_FRAME);
        putU32(p, 8, ssrc);
        putU16(p, 12, 0xBEDE); // one-byte extensions
        putU16(p, 14, 3); // 3 words follow
        p[16] = 0x22; // id 2 (abs-send-time), 3 bytes: 6.18 fixed point seconds
        long absSendTime = ((long) frame << 18) / 30;
        p[17] = (byte) (absSendTime >>> 16);
        p[18] = (byte) (absSendTime >>> 8);
        p[19] = (byte) absSendTime;
        p[20] = 0x31; // id 3 (transport-wide-cc), 2 bytes
        putU16(p, 21, i);
        p[23] = 0x40; // id 4 (mid), 1 byte
        p[24] = '1';
        // p[25..27]: padding
        int at = HEADER_LENGTH;
        p[at++] = (byte) (first ? 0x90 : 0x80); // VP8 descriptor: X, S on a frame's first packet
        p[at++] = (byte) 0x80; // I: picture id present
        int pictureId = frame & 0x7FFF;
        p[at++] = (byte) (0x80 | (pictureId >>> 8)); // M: 15-bit picture id
        p[at++] = (byte) pictureId;
        if (first) {
            boolean keyFrame = frame % 300 == 0;
            p[at++] = (byte) (keyFrame ? 0x10 : 0x11); // VP8 payload header: P=0 on key frames
            p[at++] = 0x02;
            p[at++] = 0x00;
        }
        byte[] rest = new byte[length - at];
        random.nextBytes(rest);
        System.arraycopy(rest, 0, p, at, rest.length);
        return p;
    }

    private static void putU16(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 8);
        b[at + 1] = (byte) v;
    }

    private static void putU32(byte[] b, int at, long v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}

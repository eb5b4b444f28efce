package org.parley.media.sfu;

import java.nio.charset.StandardCharsets;

/**
 * VP8 packets of a simulcast layer as Chrome sends them: one-byte header extensions (mid, and rid or
 * repaired rid while the SSRC is new), a payload descriptor with a 15-bit picture ID, TL0PICIDX and TID,
 * and for the first packet of a key frame the key-frame header with the picture size.
 */
final class SimulcastPackets {

    static final int MID_EXTENSION = 4;
    static final int RID_EXTENSION = 10;
    static final int REPAIRED_RID_EXTENSION = 11;
    static final int VP8 = 96;
    static final int RTX = 97;

    private SimulcastPackets() {
    }

    /**
     * @param rid the rid extension's value, null for none (after the browser stopped sending it)
     * @param keyFrameHeight the height in a key-frame header, 0 for a packet that starts no key frame
     */
    static byte[] vp8(long ssrc, int sequence, long timestamp, String mid, String rid, int pictureId, int tl0PicIdx,
            int keyFrameHeight) {
        byte[] extension = extension(mid, RID_EXTENSION, rid);
        byte[] payload = keyFrameHeight > 0 ? keyFramePayload(pictureId, tl0PicIdx, keyFrameHeight * 4 / 3, keyFrameHeight)
                : deltaPayload(pictureId, tl0PicIdx);
        return packet(ssrc, VP8, sequence, timestamp, extension, payload);
    }

    /** A retransmission on the RTX stream of a layer (RFC 4588), named by its repaired rid. */
    static byte[] rtx(long rtxSsrc, int sequence, long timestamp, String mid, String repairedRid, int originalSequence,
            byte[] originalPayload) {
        byte[] payload = new byte[2 + originalPayload.length];
        payload[0] = (byte) (originalSequence >> 8);
        payload[1] = (byte) originalSequence;
        System.arraycopy(originalPayload, 0, payload, 2, originalPayload.length);
        return packet(rtxSsrc, RTX, sequence, timestamp, extension(mid, REPAIRED_RID_EXTENSION, repairedRid), payload);
    }

    static byte[] keyFramePayload(int pictureId, int tl0PicIdx, int width, int height) {
        return new byte[] {(byte) 0x90, (byte) 0xE0, (byte) (0x80 | pictureId >> 8), (byte) pictureId, (byte) tl0PicIdx,
            0x20, 0x10, 0x02, 0x00, (byte) 0x9D, 0x01, 0x2A, (byte) width, (byte) (width >> 8), (byte) height,
            (byte) (height >> 8), 0x55, 0x66};
    }

    static byte[] deltaPayload(int pictureId, int tl0PicIdx) {
        return new byte[] {(byte) 0x90, (byte) 0xE0, (byte) (0x80 | pictureId >> 8), (byte) pictureId, (byte) tl0PicIdx,
            0x20, 0x31, 0x02, 0x00, 0x11, 0x22, 0x33};
    }

    private static byte[] extension(String mid, int ridId, String rid) {
        byte[] m = mid == null ? new byte[0] : mid.getBytes(StandardCharsets.US_ASCII);
        byte[] r = rid == null ? new byte[0] : rid.getBytes(StandardCharsets.US_ASCII);
        int length = (m.length > 0 ? 1 + m.length : 0) + (r.length > 0 ? 1 + r.length : 0);
        byte[] elements = new byte[(length + 3) / 4 * 4];
        int at = 0;
        if (m.length > 0) {
            elements[at++] = (byte) (MID_EXTENSION << 4 | (m.length - 1));
            System.arraycopy(m, 0, elements, at, m.length);
            at += m.length;
        }
        if (r.length > 0) {
            elements[at++] = (byte) (ridId << 4 | (r.length - 1));
            System.arraycopy(r, 0, elements, at, r.length);
        }
        return elements;
    }

    private static byte[] packet(long ssrc, int payloadType, int sequence, long timestamp, byte[] extension, byte[] payload) {
        int header = 12 + (extension.length > 0 ? 4 + extension.length : 0);
        byte[] p = new byte[header + payload.length];
        p[0] = (byte) (extension.length > 0 ? 0x90 : 0x80);
        p[1] = (byte) payloadType;
        p[2] = (byte) (sequence >> 8);
        p[3] = (byte) sequence;
        RtpBytes.putU32(p, 4, timestamp);
        RtpBytes.putU32(p, 8, ssrc);
        if (extension.length > 0) {
            p[12] = (byte) 0xBE;
            p[13] = (byte) 0xDE;
            p[14] = (byte) (extension.length / 4 >> 8);
            p[15] = (byte) (extension.length / 4);
            System.arraycopy(extension, 0, p, 16, extension.length);
        }
        System.arraycopy(payload, 0, p, header, payload.length);
        return p;
    }
}

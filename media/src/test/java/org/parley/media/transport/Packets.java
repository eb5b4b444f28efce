package org.parley.media.transport;

import java.nio.ByteBuffer;

/** Plain RTP and RTCP packets for tests. */
final class Packets {

    private Packets() {
    }

    static byte[] rtp(int payloadType, int sequence, long timestamp, int ssrc, int payloadLength) {
        ByteBuffer b = ByteBuffer.allocate(12 + payloadLength);
        b.put((byte) 0x80).put((byte) payloadType).putShort((short) sequence)
                .putInt((int) timestamp).putInt(ssrc);
        for (int i = 0; i < payloadLength; i++) {
            b.put((byte) (i * 7 + sequence));
        }
        return b.array();
    }

    /** A receiver report with no report blocks. */
    static byte[] receiverReport(int ssrc) {
        return ByteBuffer.allocate(8).put((byte) 0x80).put((byte) 201).putShort((short) 1)
                .putInt(ssrc).array();
    }

    static int payloadType(byte[] rtp) {
        return rtp[1] & 0x7F;
    }

    /** Client-side encryption: what a browser would put on the wire. */
    static byte[] protect(SrtpSession session, byte[] plain, boolean rtcp) {
        PacketBuffer buffer = PacketBuffer.forDatagrams().copyFrom(plain, 0, plain.length);
        boolean ok = rtcp ? session.protectRtcp(buffer) : session.protectRtp(buffer);
        if (!ok) {
            throw new AssertionError("protect failed");
        }
        return java.util.Arrays.copyOfRange(buffer.getBuffer(), buffer.getOffset(),
                buffer.getOffset() + buffer.getLength());
    }

    /** What jitsi-srtp (the independent peer) puts on the wire. */
    static byte[] protect(JitsiSrtp session, byte[] plain, boolean rtcp) {
        return session.protect(plain, rtcp);
    }

    /** jitsi-srtp's decryption; null if it does not authenticate. */
    static byte[] unprotect(JitsiSrtp session, byte[] wire, boolean rtcp) {
        return session.unprotect(wire, rtcp);
    }

    /** Client-side decryption of what the server sent; null if it does not authenticate. */
    static byte[] unprotect(SrtpSession session, byte[] wire, boolean rtcp) {
        PacketBuffer buffer = PacketBuffer.forDatagrams().copyFrom(wire, 0, wire.length);
        boolean ok = rtcp ? session.unprotectRtcp(buffer) : session.unprotectRtp(buffer);
        return ok ? java.util.Arrays.copyOfRange(buffer.getBuffer(), buffer.getOffset(),
                buffer.getOffset() + buffer.getLength()) : null;
    }
}

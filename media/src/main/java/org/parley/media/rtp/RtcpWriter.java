package org.parley.media.rtp;

/**
 * Writes the feedback the SFU originates, straight into a caller's buffer: PLI and FIR to ask a
 * publisher for a key frame, REMB to cap a publisher's bitrate, generic NACK to ask for lost packets.
 * Each method returns the number of bytes written, or -1 (writing nothing) if the packet does not fit
 * between {@code offset} and the end of the buffer. SSRCs are unsigned 32-bit values in a long.
 */
public final class RtcpWriter {

    public static final int PLI_LENGTH = 12;
    public static final int FIR_LENGTH = 20;

    private static final int MAX_NACK_ENTRIES = 0xFFFF - 2;

    private RtcpWriter() {
    }

    /** Picture Loss Indication, RFC 4585 section 6.3.1: "send me a key frame" for one stream. */
    public static int writePli(byte[] buffer, int offset, long senderSsrc, long mediaSsrc) {
        if (!fits(buffer, offset, PLI_LENGTH)) {
            return -1;
        }
        header(buffer, offset, RtcpPacket.FMT_PLI, RtcpPacket.PSFB, PLI_LENGTH);
        Bytes.putUint32(buffer, offset + 4, senderSsrc);
        Bytes.putUint32(buffer, offset + 8, mediaSsrc);
        return PLI_LENGTH;
    }

    /**
     * Full Intra Request, RFC 5104 section 4.3.1. The sequence number must grow (mod 256) with every new
     * request to the same stream, and stay the same on a repeat, so the sender can tell the two apart.
     */
    public static int writeFir(byte[] buffer, int offset, long senderSsrc, long mediaSsrc, int sequenceNumber) {
        if (!fits(buffer, offset, FIR_LENGTH)) {
            return -1;
        }
        header(buffer, offset, RtcpPacket.FMT_FIR, RtcpPacket.PSFB, FIR_LENGTH);
        Bytes.putUint32(buffer, offset + 4, senderSsrc);
        Bytes.putUint32(buffer, offset + 8, 0);  // "SHALL be set to 0": the FCI names the stream
        Bytes.putUint32(buffer, offset + 12, mediaSsrc);
        buffer[offset + 16] = (byte) sequenceNumber;
        Bytes.putUint24(buffer, offset + 17, 0);
        return FIR_LENGTH;
    }

    /**
     * Receiver Estimated Maximum Bitrate (draft-alvestrand-rmcat-remb): the bitrate the receiver side
     * can take for the listed streams. The bitrate is written as an 18-bit mantissa and a 6-bit
     * exponent, rounded down.
     */
    public static int writeRemb(byte[] buffer, int offset, long senderSsrc, long bitrate, long[] ssrcs, int ssrcCount) {
        int length = 20 + 4 * ssrcCount;
        if (ssrcCount < 0 || ssrcCount > 255 || ssrcCount > ssrcs.length || bitrate < 0 || !fits(buffer, offset, length)) {
            return -1;
        }
        header(buffer, offset, RtcpPacket.FMT_AFB, RtcpPacket.PSFB, length);
        Bytes.putUint32(buffer, offset + 4, senderSsrc);
        Bytes.putUint32(buffer, offset + 8, 0);
        Bytes.putUint32(buffer, offset + 12, RtcpPacket.REMB_IDENTIFIER);
        int exponent = Math.max(0, 64 - Long.numberOfLeadingZeros(bitrate) - 18);
        long mantissa = bitrate >>> exponent;
        buffer[offset + 16] = (byte) ssrcCount;
        Bytes.putUint24(buffer, offset + 17, (exponent << 18) | (int) mantissa);
        for (int i = 0; i < ssrcCount; i++) {
            Bytes.putUint32(buffer, offset + 20 + 4 * i, ssrcs[i]);
        }
        return length;
    }

    /**
     * Generic NACK, RFC 4585 section 6.2.1, for the given lost sequence numbers. Each entry covers a
     * packet id and the 16 after it, so a burst costs one entry; give the numbers in sending order
     * (wrap-around is fine) for the fewest entries.
     */
    public static int writeNack(byte[] buffer, int offset, long senderSsrc, long mediaSsrc, int[] lost, int lostCount) {
        if (lostCount <= 0 || lostCount > lost.length) {
            return -1;
        }
        int entries = nackEntries(lost, lostCount);
        int length = RtcpPacket.FEEDBACK_HEADER_LENGTH + 4 * entries;
        if (entries > MAX_NACK_ENTRIES || !fits(buffer, offset, length)) {
            return -1;
        }
        header(buffer, offset, RtcpPacket.FMT_NACK, RtcpPacket.RTPFB, length);
        Bytes.putUint32(buffer, offset + 4, senderSsrc);
        Bytes.putUint32(buffer, offset + 8, mediaSsrc);
        int at = offset + RtcpPacket.FEEDBACK_HEADER_LENGTH - 4;
        int packetId = -1;
        int mask = 0;
        for (int i = 0; i < lostCount; i++) {
            int seq = lost[i] & 0xFFFF;
            int distance = packetId < 0 ? -1 : (seq - packetId) & 0xFFFF;
            if (distance >= 1 && distance <= 16) {
                mask |= 1 << (distance - 1);
                Bytes.putUint16(buffer, at + 2, mask);
            } else if (distance != 0) {
                at += 4;
                packetId = seq;
                mask = 0;
                Bytes.putUint16(buffer, at, packetId);
                Bytes.putUint16(buffer, at + 2, 0);
            }
        }
        return length;
    }

    private static int nackEntries(int[] lost, int lostCount) {
        int entries = 0;
        int packetId = -1;
        for (int i = 0; i < lostCount; i++) {
            int seq = lost[i] & 0xFFFF;
            int distance = packetId < 0 ? -1 : (seq - packetId) & 0xFFFF;
            if (distance < 0 || distance > 16) {
                entries++;
                packetId = seq;
            }
        }
        return entries;
    }

    private static void header(byte[] buffer, int offset, int countOrFormat, int packetType, int length) {
        buffer[offset] = (byte) (0x80 | countOrFormat);
        buffer[offset + 1] = (byte) packetType;
        Bytes.putUint16(buffer, offset + 2, length / 4 - 1);
    }

    private static boolean fits(byte[] buffer, int offset, int length) {
        return offset >= 0 && offset <= buffer.length - length;
    }
}

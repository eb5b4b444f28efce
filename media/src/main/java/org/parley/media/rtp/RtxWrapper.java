package org.parley.media.rtp;

/**
 * Retransmission in an RTX stream (RFC 4588): the original packet goes out again on its own SSRC,
 * payload type and sequence numbers, its payload prefixed with the original sequence number. A
 * separate stream keeps the receiver's loss statistics and the media stream's numbering honest, and
 * is what Chrome negotiates with {@code a=ssrc-group:FID} and {@code apt=}.
 *
 * <p>One wrapper per RTX stream; its sequence counter belongs to the thread that sends retransmissions.
 */
public final class RtxWrapper {

    static final int ORIGINAL_SEQUENCE_LENGTH = 2;

    private final long rtxSsrc;
    private final int rtxPayloadType;
    private int nextSequence;
    private final RtpPacket view = new RtpPacket();

    public RtxWrapper(long rtxSsrc, int rtxPayloadType, int initialSequence) {
        this.rtxSsrc = rtxSsrc;
        this.rtxPayloadType = rtxPayloadType & 0x7F;
        this.nextSequence = initialSequence & 0xFFFF;
    }

    /**
     * Writes the RTX packet for an original packet: same header (CSRCs, extensions, timestamp, marker),
     * RTX SSRC, payload type and next RTX sequence number, then the original sequence number and payload;
     * padding is dropped. Returns its length, or -1 (writing nothing, using no sequence number) if the
     * original is not valid RTP or the result does not fit the destination.
     */
    public int wrap(byte[] original, int offset, int length, byte[] destination, int destinationOffset) {
        RtpPacket packet = view.wrap(original, offset, length);
        if (!packet.isValid()) {
            return -1;
        }
        int header = packet.headerLength();
        int payload = packet.payloadLength();
        int total = header + ORIGINAL_SEQUENCE_LENGTH + payload;
        if (destinationOffset < 0 || destinationOffset > destination.length - total) {
            return -1;
        }
        int originalSequence = packet.sequenceNumber();
        int payloadOffset = packet.payloadOffset();
        System.arraycopy(original, payloadOffset, destination, destinationOffset + header + ORIGINAL_SEQUENCE_LENGTH, payload);
        System.arraycopy(original, offset, destination, destinationOffset, header);
        Bytes.putUint16(destination, destinationOffset + header, originalSequence);
        destination[destinationOffset] &= (byte) ~0x20;
        RtpPacket rtx = view.wrap(destination, destinationOffset, total);
        rtx.setPayloadType(rtxPayloadType);
        rtx.setSequenceNumber(nextSequence);
        rtx.setSsrc(rtxSsrc);
        nextSequence = (nextSequence + 1) & 0xFFFF;
        return total;
    }

    /**
     * Restores the original packet from a received RTX packet (a publisher answering the SFU's NACK):
     * original SSRC and payload type as negotiated, sequence number from the RTX payload, padding
     * dropped. Returns its length and leaves {@code rtx} viewing the restored packet; returns -1 (and
     * leaves everything as it was) if the RTX packet is invalid, carries no original (padding-only
     * bandwidth probes do not), or the result does not fit. The destination may be the RTX packet's
     * own buffer at its own offset: the copy handles the overlap.
     */
    public static int unwrap(RtpPacket rtx, long originalSsrc, int originalPayloadType, byte[] destination,
            int destinationOffset) {
        if (!rtx.isValid() || rtx.payloadLength() < ORIGINAL_SEQUENCE_LENGTH) {
            return -1;
        }
        byte[] source = rtx.buffer();
        int header = rtx.headerLength();
        int payload = rtx.payloadLength() - ORIGINAL_SEQUENCE_LENGTH;
        int total = header + payload;
        if (destinationOffset < 0 || destinationOffset > destination.length - total) {
            return -1;
        }
        int originalSequence = Bytes.uint16(source, rtx.payloadOffset());
        int payloadOffset = rtx.payloadOffset() + ORIGINAL_SEQUENCE_LENGTH;
        int rtxOffset = rtx.offset();
        System.arraycopy(source, payloadOffset, destination, destinationOffset + header, payload);
        System.arraycopy(source, rtxOffset, destination, destinationOffset, header);
        destination[destinationOffset] &= (byte) ~0x20;
        rtx.wrap(destination, destinationOffset, total);
        rtx.setPayloadType(originalPayloadType);
        rtx.setSequenceNumber(originalSequence);
        rtx.setSsrc(originalSsrc);
        return total;
    }
}

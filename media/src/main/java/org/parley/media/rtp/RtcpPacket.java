package org.parley.media.rtp;

/**
 * A reusable view of one RTCP packet inside a compound packet, positioned by {@link RtcpIterator}.
 * It reads the packets an SFU acts on (RFC 3550 SR, RR, SDES, BYE; RFC 4585 generic NACK and PLI;
 * RFC 5104 FIR; REMB; transport-cc recognised only) and rewrites their SSRCs in place, which is how
 * feedback from a subscriber is re-addressed to the publisher's stream without copying.
 *
 * <p>Every read is bounds-checked against this packet's own length less its padding: an accessor that does not apply
 * to the packet's type, or an index past what the packet really holds, returns 0 (or -1 for
 * offsets), and a setter does nothing. Counts are the smaller of the header's count field and what
 * the length allows, so a lying count field cannot lead a loop past the end.
 */
public final class RtcpPacket {

    public static final int SR = 200;
    public static final int RR = 201;
    public static final int SDES = 202;
    public static final int BYE = 203;
    public static final int APP = 204;
    /** Transport-layer feedback, RFC 4585. */
    public static final int RTPFB = 205;
    /** Payload-specific feedback, RFC 4585. */
    public static final int PSFB = 206;
    public static final int XR = 207;

    public static final int FMT_NACK = 1;
    public static final int FMT_TRANSPORT_CC = 15;
    public static final int FMT_PLI = 1;
    public static final int FMT_FIR = 4;
    /** Application-layer feedback; REMB is the one we know. */
    public static final int FMT_AFB = 15;

    public static final int SDES_CNAME = 1;

    static final int HEADER_LENGTH = 4;
    static final int REPORT_BLOCK_LENGTH = 24;
    static final int SENDER_INFO_LENGTH = 20;
    static final int FEEDBACK_HEADER_LENGTH = 12;
    /** 'R' 'E' 'M' 'B' */
    static final long REMB_IDENTIFIER = 0x52454D42L;

    private byte[] buffer;
    private int offset;
    private int length;
    /** The length without padding: every field read must end inside it. */
    private int content;

    RtcpPacket() {
    }

    /** Positions the view; the iterator has checked the common header and that the packet and its padding fit. */
    void position(byte[] buffer, int offset, int length, int padding) {
        this.buffer = buffer;
        this.offset = offset;
        this.length = length;
        this.content = length - padding;
    }

    public byte[] buffer() {
        return buffer;
    }

    /** Absolute offset of this packet's first byte. */
    public int offset() {
        return offset;
    }

    /** This packet's length in bytes, header included: (length field + 1) * 4. */
    public int length() {
        return length;
    }

    public boolean hasPadding() {
        return (buffer[offset] & 0x20) != 0;
    }

    /** The 5-bit field after V and P: report count, source count or feedback message type (FMT). */
    public int count() {
        return buffer[offset] & 0x1F;
    }

    public int format() {
        return count();
    }

    public int packetType() {
        return buffer[offset + 1] & 0xFF;
    }

    /** The first SSRC after the header: the sender for SR, RR, feedback, APP and XR; the first source for SDES and BYE. */
    public long senderSsrc() {
        return fits(4, 4) ? Bytes.uint32(buffer, offset + 4) : 0;
    }

    public void setSenderSsrc(long ssrc) {
        if (fits(4, 4)) {
            Bytes.putUint32(buffer, offset + 4, ssrc);
        }
    }

    public boolean isSenderReport() {
        return packetType() == SR && content >= HEADER_LENGTH + 4 + SENDER_INFO_LENGTH;
    }

    public boolean isReceiverReport() {
        return packetType() == RR && content >= HEADER_LENGTH + 4;
    }

    public boolean isNack() {
        return packetType() == RTPFB && format() == FMT_NACK && content >= FEEDBACK_HEADER_LENGTH;
    }

    public boolean isTransportCc() {
        return packetType() == RTPFB && format() == FMT_TRANSPORT_CC && content >= FEEDBACK_HEADER_LENGTH;
    }

    public boolean isPli() {
        return packetType() == PSFB && format() == FMT_PLI && content >= FEEDBACK_HEADER_LENGTH;
    }

    public boolean isFir() {
        return packetType() == PSFB && format() == FMT_FIR && content >= FEEDBACK_HEADER_LENGTH;
    }

    /** Receiver Estimated Maximum Bitrate (draft-alvestrand-rmcat-remb): AFB with the 'REMB' identifier. */
    public boolean isRemb() {
        return packetType() == PSFB && format() == FMT_AFB && content >= FEEDBACK_HEADER_LENGTH + 8
                && Bytes.uint32(buffer, offset + FEEDBACK_HEADER_LENGTH) == REMB_IDENTIFIER;
    }

    // ---- Sender report sender info (RFC 3550 section 6.4.1)

    /** The 64-bit NTP timestamp of a sender report, as sent. */
    public long ntpTimestamp() {
        return isSenderReport() ? (Bytes.uint32(buffer, offset + 8) << 32) | Bytes.uint32(buffer, offset + 12) : 0;
    }

    public long rtpTimestamp() {
        return isSenderReport() ? Bytes.uint32(buffer, offset + 16) : 0;
    }

    public long senderPacketCount() {
        return isSenderReport() ? Bytes.uint32(buffer, offset + 20) : 0;
    }

    public long senderOctetCount() {
        return isSenderReport() ? Bytes.uint32(buffer, offset + 24) : 0;
    }

    // ---- Report blocks of SR and RR

    public int reportBlockCount() {
        int start = reportBlocksStart();
        return start < 0 ? 0 : Math.min(count(), (content - start) / REPORT_BLOCK_LENGTH);
    }

    public long reportBlockSsrc(int index) {
        int at = reportBlock(index);
        return at < 0 ? 0 : Bytes.uint32(buffer, at);
    }

    public void setReportBlockSsrc(int index, long ssrc) {
        int at = reportBlock(index);
        if (at >= 0) {
            Bytes.putUint32(buffer, at, ssrc);
        }
    }

    /** Fraction lost since the previous report, in 1/256ths. */
    public int fractionLost(int index) {
        int at = reportBlock(index);
        return at < 0 ? 0 : Bytes.uint8(buffer, at + 4);
    }

    /** Cumulative packets lost: a signed 24-bit value (duplicates can make it negative). */
    public int cumulativeLost(int index) {
        int at = reportBlock(index);
        return at < 0 ? 0 : (Bytes.uint24(buffer, at + 5) << 8) >> 8;
    }

    public long extendedHighestSequence(int index) {
        int at = reportBlock(index);
        return at < 0 ? 0 : Bytes.uint32(buffer, at + 8);
    }

    public long jitter(int index) {
        int at = reportBlock(index);
        return at < 0 ? 0 : Bytes.uint32(buffer, at + 12);
    }

    /** The middle 32 bits of the NTP timestamp of the last SR received from this source (LSR). */
    public long lastSenderReport(int index) {
        int at = reportBlock(index);
        return at < 0 ? 0 : Bytes.uint32(buffer, at + 16);
    }

    /** Delay since that SR, in 1/65536 seconds (DLSR). */
    public long delaySinceLastSenderReport(int index) {
        int at = reportBlock(index);
        return at < 0 ? 0 : Bytes.uint32(buffer, at + 20);
    }

    private int reportBlocksStart() {
        if (isSenderReport()) {
            return HEADER_LENGTH + 4 + SENDER_INFO_LENGTH;
        }
        return isReceiverReport() ? HEADER_LENGTH + 4 : -1;
    }

    private int reportBlock(int index) {
        return index >= 0 && index < reportBlockCount() ? offset + reportBlocksStart() + index * REPORT_BLOCK_LENGTH : -1;
    }

    // ---- BYE (RFC 3550 section 6.6)

    public int byeSsrcCount() {
        return packetType() == BYE ? Math.min(count(), (content - HEADER_LENGTH) / 4) : 0;
    }

    public long byeSsrc(int index) {
        return index >= 0 && index < byeSsrcCount() ? Bytes.uint32(buffer, offset + HEADER_LENGTH + 4 * index) : 0;
    }

    public void setByeSsrc(int index, long ssrc) {
        if (index >= 0 && index < byeSsrcCount()) {
            Bytes.putUint32(buffer, offset + HEADER_LENGTH + 4 * index, ssrc);
        }
    }

    // ---- SDES (RFC 3550 section 6.5): chunks of SSRC + items, each chunk padded to 32 bits

    /** The number of chunks that are really there, at most the source count. */
    public int sdesChunkCount() {
        if (packetType() != SDES) {
            return 0;
        }
        int chunks = 0;
        int at = offset + HEADER_LENGTH;
        while (chunks < count() && (at = sdesChunkEnd(at)) >= 0) {
            chunks++;
        }
        return chunks;
    }

    public long sdesSsrc(int chunk) {
        int at = sdesChunk(chunk);
        return at < 0 ? 0 : Bytes.uint32(buffer, at);
    }

    public void setSdesSsrc(int chunk, long ssrc) {
        int at = sdesChunk(chunk);
        if (at >= 0) {
            Bytes.putUint32(buffer, at, ssrc);
        }
    }

    /** Absolute offset of the text of the first item of this type (e.g. {@link #SDES_CNAME}) in a chunk, or -1. */
    public int sdesItemOffset(int chunk, int itemType) {
        int item = sdesItem(chunk, itemType);
        return item < 0 ? -1 : item + 2;
    }

    /** Length of that item's text, or -1. */
    public int sdesItemLength(int chunk, int itemType) {
        int item = sdesItem(chunk, itemType);
        return item < 0 ? -1 : Bytes.uint8(buffer, item + 1);
    }

    private int sdesChunk(int chunk) {
        if (chunk < 0 || chunk >= sdesChunkCount()) {
            return -1;
        }
        int at = offset + HEADER_LENGTH;
        for (int i = 0; i < chunk; i++) {
            at = sdesChunkEnd(at);
        }
        return at;
    }

    private int sdesItem(int chunk, int itemType) {
        int at = sdesChunk(chunk);
        if (at < 0 || itemType <= 0) {
            return -1;
        }
        int end = offset + content;
        at += 4;
        while (at < end && buffer[at] != 0) {
            if (at + 2 > end || at + 2 + Bytes.uint8(buffer, at + 1) > end) {
                return -1;
            }
            if (Bytes.uint8(buffer, at) == itemType) {
                return at;
            }
            at += 2 + Bytes.uint8(buffer, at + 1);
        }
        return -1;
    }

    /** The offset after the chunk starting here, or -1 if it does not end inside the packet. */
    private int sdesChunkEnd(int chunkStart) {
        int end = offset + content;
        int at = chunkStart + 4;
        if (at > end) {
            return -1;
        }
        while (at < end && buffer[at] != 0) {
            if (at + 2 > end) {
                return -1;
            }
            at += 2 + Bytes.uint8(buffer, at + 1);
        }
        if (at >= end) {
            return -1;
        }
        // the null item, then padding up to the next 32-bit boundary of the packet
        at += 1;
        int aligned = at + ((4 - ((at - offset) & 3)) & 3);
        return aligned <= end ? aligned : -1;
    }

    // ---- Feedback messages (RFC 4585 section 6.1): header, sender SSRC, media SSRC, FCI

    /** The media source a feedback message is about. */
    public long mediaSsrc() {
        return isFeedback() ? Bytes.uint32(buffer, offset + 8) : 0;
    }

    public void setMediaSsrc(long ssrc) {
        if (isFeedback()) {
            Bytes.putUint32(buffer, offset + 8, ssrc);
        }
    }

    private boolean isFeedback() {
        return (packetType() == RTPFB || packetType() == PSFB) && content >= FEEDBACK_HEADER_LENGTH;
    }

    /** Generic NACK entries (RFC 4585 section 6.2.1): each a packet id and a bitmask of the 16 after it. */
    public int nackCount() {
        return isNack() ? (content - FEEDBACK_HEADER_LENGTH) / 4 : 0;
    }

    public int nackPacketId(int index) {
        return index >= 0 && index < nackCount() ? Bytes.uint16(buffer, offset + FEEDBACK_HEADER_LENGTH + 4 * index) : 0;
    }

    /** Bit i set means packet id + i + 1 is lost too. */
    public int nackBitmask(int index) {
        return index >= 0 && index < nackCount() ? Bytes.uint16(buffer, offset + FEEDBACK_HEADER_LENGTH + 4 * index + 2) : 0;
    }

    /** FIR entries (RFC 5104 section 4.3.1): the SSRC asked for a key frame and a command sequence number. */
    public int firCount() {
        return isFir() ? (content - FEEDBACK_HEADER_LENGTH) / 8 : 0;
    }

    public long firSsrc(int index) {
        return index >= 0 && index < firCount() ? Bytes.uint32(buffer, offset + FEEDBACK_HEADER_LENGTH + 8 * index) : 0;
    }

    public void setFirSsrc(int index, long ssrc) {
        if (index >= 0 && index < firCount()) {
            Bytes.putUint32(buffer, offset + FEEDBACK_HEADER_LENGTH + 8 * index, ssrc);
        }
    }

    public int firSequence(int index) {
        return index >= 0 && index < firCount() ? Bytes.uint8(buffer, offset + FEEDBACK_HEADER_LENGTH + 8 * index + 4) : 0;
    }

    /** The estimate in bits per second: an 18-bit mantissa shifted by a 6-bit exponent, saturating. */
    public long rembBitrate() {
        if (!isRemb()) {
            return 0;
        }
        int exponent = Bytes.uint8(buffer, offset + 17) >> 2;
        long mantissa = Bytes.uint24(buffer, offset + 17) & 0x3FFFF;
        return mantissa == 0 ? 0 : exponent >= Long.numberOfLeadingZeros(mantissa) ? Long.MAX_VALUE : mantissa << exponent;
    }

    public int rembSsrcCount() {
        return isRemb() ? Math.min(Bytes.uint8(buffer, offset + 16), (content - FEEDBACK_HEADER_LENGTH - 8) / 4) : 0;
    }

    public long rembSsrc(int index) {
        return index >= 0 && index < rembSsrcCount() ? Bytes.uint32(buffer, offset + 20 + 4 * index) : 0;
    }

    public void setRembSsrc(int index, long ssrc) {
        if (index >= 0 && index < rembSsrcCount()) {
            Bytes.putUint32(buffer, offset + 20 + 4 * index, ssrc);
        }
    }

    /**
     * Replaces an SSRC wherever this packet names a media source: the media SSRC of feedback, FIR
     * entries, REMB's SSRC list and report blocks. Sender SSRCs are left alone: they name the sender.
     *
     * @return how many fields were rewritten
     */
    public int replaceMediaSsrc(long from, long to) {
        int replaced = 0;
        if (isFeedback() && mediaSsrc() == from) {
            setMediaSsrc(to);
            replaced++;
        }
        for (int i = 0; i < firCount(); i++) {
            if (firSsrc(i) == from) {
                setFirSsrc(i, to);
                replaced++;
            }
        }
        for (int i = 0; i < rembSsrcCount(); i++) {
            if (rembSsrc(i) == from) {
                setRembSsrc(i, to);
                replaced++;
            }
        }
        for (int i = 0; i < reportBlockCount(); i++) {
            if (reportBlockSsrc(i) == from) {
                setReportBlockSsrc(i, to);
                replaced++;
            }
        }
        return replaced;
    }

    private boolean fits(int at, int bytes) {
        return at + bytes <= content;
    }
}

package org.parley.media.rtp;

/**
 * Walks the packets of a compound RTCP datagram (RFC 3550 section 6.1) with one reusable
 * {@link RtcpPacket} view. Each packet's common header is checked (version 2, a length that fits the
 * datagram, sane padding) before the view is positioned on it; the walk stops at the first packet
 * that fails, and {@link #isMalformed} tells whether it stopped early. Reduced-size RTCP (RFC 5506,
 * a lone feedback packet) walks the same way.
 *
 * <pre>{@code
 * for (iterator.reset(buf, off, len); iterator.next(); ) {
 *     RtcpPacket p = iterator.packet();
 *     if (p.isPli()) { ... }
 * }
 * }</pre>
 */
public final class RtcpIterator {

    private final RtcpPacket packet = new RtcpPacket();
    private byte[] buffer;
    private int position;
    private int end;
    private boolean malformed;

    public RtcpIterator reset(byte[] buffer, int offset, int length) {
        this.buffer = buffer;
        this.malformed = false;
        if (buffer == null || offset < 0 || length < 0 || offset > buffer.length - length) {
            this.position = 0;
            this.end = 0;
            this.malformed = true;
            return this;
        }
        this.position = offset;
        this.end = offset + length;
        return this;
    }

    /** Moves to the next packet; false at the end of the datagram or at the first malformed packet. */
    public boolean next() {
        if (malformed || end - position < RtcpPacket.HEADER_LENGTH) {
            malformed |= position != end;
            position = end;
            return false;
        }
        int first = buffer[position] & 0xFF;
        int packetLength = (Bytes.uint16(buffer, position + 2) + 1) * 4;
        boolean ok = first >> 6 == 2 && packetLength <= end - position;
        int padding = 0;
        if (ok && (first & 0x20) != 0) {
            padding = buffer[position + packetLength - 1] & 0xFF;
            ok = padding > 0 && padding <= packetLength - RtcpPacket.HEADER_LENGTH;
        }
        if (!ok) {
            malformed = true;
            position = end;
            return false;
        }
        packet.position(buffer, position, packetLength, padding);
        position += packetLength;
        return true;
    }

    /** The current packet; only meaningful after {@link #next} returned true. */
    public RtcpPacket packet() {
        return packet;
    }

    /** Whether the walk stopped before the end of the datagram because of a bad packet or trailing bytes. */
    public boolean isMalformed() {
        return malformed;
    }
}

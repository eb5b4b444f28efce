package org.parley.media.transport;

/**
 * SRTP for one SSRC in one direction (RFC 3711 section 3.2.1's cryptographic context): the cipher
 * and the packet index, i.e. the rollover counter and highest sequence number, kept as one long.
 *
 * <p>A receiving stream belongs to the endpoint's receive thread and takes no lock. A sending
 * stream may be used by several threads (the router forwards from each publisher's receive
 * thread; RTCP comes from timers too), so {@link #protect} is synchronized: uncontended in the
 * common case of one thread per SSRC, and the stream's cipher buffers are never shared.
 */
final class SrtpStream {

    private final SrtpCipher cipher;
    /** Receive side: the highest index authenticated and the replay bitmap. */
    private final ReplayWindow window = new ReplayWindow();
    /** Send side: the highest index sent, -1 before the first. */
    private long sentHighest = -1;

    SrtpStream(SrtpCipher cipher) {
        this.cipher = cipher;
    }

    /** Forgets what was received, for reuse on another unknown SSRC (receive thread only). */
    void resetReceiver() {
        window.reset();
    }

    /** Authenticates and decrypts in place; false (packet unchanged) if refused. */
    boolean unprotect(PacketBuffer packet) {
        byte[] b = packet.getBuffer();
        int off = packet.getOffset();
        int len = packet.getLength() - cipher.rtpTagLength();
        int header = headerLength(b, off, len);
        if (header < 0) {
            return false;
        }
        int seq = ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF);
        long index = ReplayWindow.estimateIndex(window.highest(), seq);
        if (!window.isFresh(index)
                || !cipher.unprotectRtp(b, off, header, len, SrtpCipher.readInt(b, off + 8), index)) {
            return false;
        }
        window.accept(index);
        packet.setLength(len);
        return true;
    }

    /**
     * Encrypts in place and appends the tag. The index is estimated as a receiver would (RFC 3711
     * Appendix A) rather than counted: a forwarder sends its publishers' late and repeated packets,
     * and a late packet from before a sequence wrap must keep the old rollover counter.
     */
    synchronized boolean protect(PacketBuffer packet) {
        byte[] b = packet.getBuffer();
        int off = packet.getOffset();
        int len = packet.getLength();
        int header = headerLength(b, off, len);
        if (header < 0 || off + len + cipher.rtpTagLength() > b.length) {
            return false;
        }
        int seq = ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF);
        long index = ReplayWindow.estimateIndex(sentHighest, seq);
        if (index < 0) {
            return false;
        }
        cipher.protectRtp(b, off, header, len, SrtpCipher.readInt(b, off + 8), index);
        if (index > sentHighest) {
            sentHighest = index;
        }
        packet.setLength(len + cipher.rtpTagLength());
        return true;
    }

    /** Fixed header, CSRCs and header extension: what stays in the clear. -1 if malformed. */
    static int headerLength(byte[] b, int off, int len) {
        if (len < 12 || (b[off] & 0xC0) != 0x80) {
            return -1;
        }
        int header = 12 + 4 * (b[off] & 0x0F);
        if ((b[off] & 0x10) != 0) {
            if (header + 4 > len) {
                return -1;
            }
            header += 4 + 4 * (((b[off + header + 2] & 0xFF) << 8) | (b[off + header + 3] & 0xFF));
        }
        return header <= len ? header : -1;
    }
}

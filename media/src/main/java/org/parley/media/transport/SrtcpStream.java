package org.parley.media.transport;

/**
 * SRTCP for one sender SSRC in one direction (RFC 3711 section 3.4): the cipher, and the SRTCP
 * index, explicit in every packet: counted on the send side, checked against a 64-packet replay
 * window on the receive side. Same threading as {@link SrtpStream}.
 */
final class SrtcpStream {

    private static final int HEADER = 8;

    private final SrtpCipher cipher;
    private final ReplayWindow window = new ReplayWindow();
    private int nextIndex;

    SrtcpStream(SrtpCipher cipher) {
        this.cipher = cipher;
    }

    void resetReceiver() {
        window.reset();
    }

    boolean unprotect(PacketBuffer packet) {
        byte[] b = packet.getBuffer();
        int off = packet.getOffset();
        int len = packet.getLength();
        if (len < HEADER + cipher.rtcpTrailerLength()) {
            return false;
        }
        int eIndex = SrtpCipher.readInt(b, off + cipher.rtcpIndexOffset(len));
        long index = eIndex & 0x7FFF_FFFFL;
        if (!window.isFresh(index)
                || !cipher.unprotectRtcp(b, off, len, SrtpCipher.readInt(b, off + 4), eIndex)) {
            return false;
        }
        window.accept(index);
        packet.setLength(len - cipher.rtcpTrailerLength());
        return true;
    }

    /** Encrypts in place (E = 1) and appends the SRTCP index and the tag. */
    synchronized boolean protect(PacketBuffer packet) {
        byte[] b = packet.getBuffer();
        int off = packet.getOffset();
        int len = packet.getLength();
        if (len < HEADER || off + len + cipher.rtcpTrailerLength() > b.length) {
            return false;
        }
        int index = nextIndex;
        // 2^31 packets: at one RTCP packet a second, decades; the keys would need changing first.
        nextIndex = (index + 1) & 0x7FFF_FFFF;
        cipher.protectRtcp(b, off, len, SrtpCipher.readInt(b, off + 4), index);
        packet.setLength(len + cipher.rtcpTrailerLength());
        return true;
    }
}

package org.parley.media.transport;

/**
 * A fixed-capacity packet buffer, reused packet after packet, that SRTP encrypts and decrypts in
 * place. It never reallocates: capacity covers a full datagram plus the largest SRTP/SRTCP
 * trailer, and a packet that would not fit is refused before it gets here.
 */
final class PacketBuffer {

    /** Largest UDP payload we read (above any path MTU a browser uses). */
    static final int MAX_DATAGRAM = 1500;
    /** SRTCP index (4) + the largest tag (16, GCM) + a cryptex header (4), with spare room. */
    static final int MAX_TRAILER = 32;

    private final byte[] buffer;
    private int offset;
    private int length;

    PacketBuffer(int capacity) {
        this.buffer = new byte[capacity];
    }

    static PacketBuffer forDatagrams() {
        return new PacketBuffer(MAX_DATAGRAM + MAX_TRAILER);
    }

    /** Frames the packet now in the array. */
    PacketBuffer frame(int off, int len) {
        this.offset = off;
        this.length = len;
        return this;
    }

    /** Copies a packet in at offset 0. The caller has checked it fits with {@link #MAX_TRAILER}. */
    PacketBuffer copyFrom(byte[] src, int off, int len) {
        System.arraycopy(src, off, buffer, 0, len);
        return frame(0, len);
    }

    int capacity() {
        return buffer.length;
    }

    byte[] getBuffer() {
        return buffer;
    }

    int getOffset() {
        return offset;
    }

    int getLength() {
        return length;
    }

    void setLength(int len) {
        if (len < 0 || offset + len > buffer.length) {
            throw new IllegalArgumentException("length " + len + " out of buffer");
        }
        this.length = len;
    }
}

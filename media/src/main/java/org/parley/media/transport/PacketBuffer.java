package org.parley.media.transport;

import org.jitsi.utils.ByteArrayBuffer;

/**
 * A fixed-capacity packet buffer, reused packet after packet, that jitsi-srtp encrypts and
 * decrypts in place. It never reallocates: capacity covers a full datagram plus the largest
 * SRTP/SRTCP trailer, and a packet that would not fit is refused before it gets here.
 */
final class PacketBuffer implements ByteArrayBuffer {

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

    @Override
    public byte[] getBuffer() {
        return buffer;
    }

    @Override
    public int getOffset() {
        return offset;
    }

    @Override
    public int getLength() {
        return length;
    }

    @Override
    public void setLength(int len) {
        if (len < 0 || offset + len > buffer.length) {
            throw new IllegalArgumentException("length " + len + " out of buffer");
        }
        this.length = len;
    }

    @Override
    public void setOffset(int off) {
        if (off < 0 || off > buffer.length) {
            throw new IllegalArgumentException("offset " + off + " out of buffer");
        }
        this.offset = off;
    }

    @Override
    public boolean isInvalid() {
        return false;
    }

    @Override
    public void readRegionToBuff(int off, int len, byte[] outBuf) {
        System.arraycopy(buffer, offset + off, outBuf, 0, len);
    }

    @Override
    public void grow(int howMuch) {
        // Capacity is fixed: growth beyond it means a packet was let in that should not have been.
        if (offset + length + howMuch > buffer.length) {
            throw new IllegalStateException("packet does not fit the fixed buffer");
        }
    }

    @Override
    public void append(byte[] data, int len) {
        grow(len);
        System.arraycopy(data, 0, buffer, offset + length, len);
        length += len;
    }

    @Override
    public void shrink(int len) {
        if (len <= 0) {
            return;
        }
        length = Math.max(0, length - len);
    }
}

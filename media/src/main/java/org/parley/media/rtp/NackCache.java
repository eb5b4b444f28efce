package org.parley.media.rtp;

import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * The last packets sent on one stream, kept so a receiver's NACK can be answered from the SFU instead
 * of travelling back to the publisher: a ring of pre-allocated slots indexed by sequence number, so
 * storing and looking up cost a copy and no allocation, and a packet is found only if its slot still
 * holds that exact sequence number (wrap-around safe: an older packet with the same low bits does not
 * match).
 *
 * <p>Threads: one thread stores (the one sending the stream), any thread may look up, typically the
 * one that received the NACK. Each slot is a sequence lock: a writer makes its version odd while it
 * copies, a reader copies optimistically and discards the copy if the version moved, so a reader never
 * returns a half-overwritten packet and nobody blocks.
 */
public final class NackCache {

    private final int capacity;
    private final int mask;
    private final int maxPacketLength;
    private final byte[] storage;
    private final int[] sequenceNumbers;
    private final int[] lengths;
    private final AtomicIntegerArray versions;
    private final RtpPacket view = new RtpPacket();

    /**
     * @param capacity packets kept: a power of two; at 30 fps of 1200-byte VP8 packets, 512 is about
     *     a second of HD video, the most a NACK round trip is worth
     * @param maxPacketLength the largest packet stored; longer ones are not cached
     */
    public NackCache(int capacity, int maxPacketLength) {
        if (capacity < 1 || capacity > 32768 || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two up to 32768: " + capacity);
        }
        if (maxPacketLength < RtpPacket.FIXED_HEADER_LENGTH) {
            throw new IllegalArgumentException("max packet length too small: " + maxPacketLength);
        }
        this.capacity = capacity;
        this.mask = capacity - 1;
        this.maxPacketLength = maxPacketLength;
        this.storage = new byte[capacity * maxPacketLength];
        this.sequenceNumbers = new int[capacity];
        this.lengths = new int[capacity];
        this.versions = new AtomicIntegerArray(capacity);
        java.util.Arrays.fill(sequenceNumbers, -1);
    }

    public int capacity() {
        return capacity;
    }

    /** Stores a sent RTP packet under its own sequence number; false if it is not valid RTP or too long. */
    public boolean put(byte[] packet, int offset, int length) {
        if (!view.wrap(packet, offset, length).isValid() || length > maxPacketLength) {
            return false;
        }
        int sequenceNumber = view.sequenceNumber();
        int slot = sequenceNumber & mask;
        int version = versions.get(slot);
        versions.set(slot, version + 1);
        VarHandle.storeStoreFence();
        System.arraycopy(packet, offset, storage, slot * maxPacketLength, length);
        sequenceNumbers[slot] = sequenceNumber;
        lengths[slot] = length;
        versions.set(slot, version + 2);
        return true;
    }

    /**
     * Copies the packet with this sequence number into {@code destination}; returns its length, or -1 if
     * it is not cached (never stored, overwritten, being overwritten) or does not fit the destination.
     */
    public int get(int sequenceNumber, byte[] destination, int offset) {
        int wanted = sequenceNumber & 0xFFFF;
        int slot = wanted & mask;
        int before = versions.get(slot);
        if ((before & 1) != 0 || sequenceNumbers[slot] != wanted) {
            return -1;
        }
        int length = lengths[slot];
        if (length < 0 || length > maxPacketLength || offset < 0 || offset > destination.length - length) {
            return -1;
        }
        System.arraycopy(storage, slot * maxPacketLength, destination, offset, length);
        VarHandle.loadLoadFence();
        return versions.get(slot) == before ? length : -1;
    }

    /** Whether a packet is cached under this sequence number right now. */
    public boolean contains(int sequenceNumber) {
        int wanted = sequenceNumber & 0xFFFF;
        int slot = wanted & mask;
        int before = versions.get(slot);
        boolean found = (before & 1) == 0 && sequenceNumbers[slot] == wanted;
        VarHandle.loadLoadFence();
        return found && versions.get(slot) == before;
    }
}

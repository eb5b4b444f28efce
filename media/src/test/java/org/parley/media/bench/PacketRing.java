package org.parley.media.bench;

import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * The publisher's packets, SRTP-protected once at set-up by its browser: one full cycle of
 * sequence numbers, so each packet of a pass is new to the receiver. Replaying the ring needs a
 * receiver with fresh replay state (SRTP refuses a packet index twice); both benchmark paths
 * reset theirs when the ring wraps, once per 65,536 packets.
 */
final class PacketRing {

    static final int SIZE = 1 << 16;
    /** RTP length of every packet; the SRTP tag comes on top. */
    static final int RTP_LENGTH = 1100;

    private final byte[][] wire = new byte[SIZE][];
    private final byte[] firstPlain;
    private int next;

    /** @param protect the browser's SRTP encryption of one plain RTP packet */
    PacketRing(long ssrc, UnaryOperator<byte[]> protect) {
        Random random = new Random(42);
        byte[] first = null;
        for (int i = 0; i < SIZE; i++) {
            byte[] plain = VideoPackets.packet(i, ssrc, RTP_LENGTH, random);
            if (i == 0) {
                first = plain;
            }
            wire[i] = protect.apply(plain);
        }
        firstPlain = first;
    }

    /** What packet 0 was before encryption: the set-up checks a forwarded copy against it. */
    byte[] firstPlain() {
        return firstPlain.clone();
    }

    /** Packet 0, for the set-up's check; {@link #next} continues after it. */
    byte[] first() {
        next = 1;
        return wire[0];
    }

    /** The next datagram, or null at the end of a pass (call {@link #rewind} after a receiver reset). */
    byte[] next() {
        return next < SIZE ? wire[next++] : null;
    }

    void rewind() {
        next = 0;
    }

    int wireLength() {
        return wire[0].length;
    }
}

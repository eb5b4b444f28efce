package org.parley.media.transport;

/**
 * The receiver's record of packet indexes seen (RFC 3711 section 3.3.2): the highest index
 * authenticated so far and a 64-packet bitmap below it. An SRTP stream keeps its rollover counter
 * and highest sequence number as that highest index (ROC = index >>> 16, s_l = index & 0xFFFF).
 */
final class ReplayWindow {

    static final int SIZE = 64;

    /** -1 until the first packet is accepted. */
    private long highest = -1;
    /** Bit i set: index {@code highest - i} was accepted. */
    private long seen;

    long highest() {
        return highest;
    }

    /** False if {@code index} was already accepted or is too old to tell. */
    boolean isFresh(long index) {
        if (index < 0) {
            return false;
        }
        if (highest < 0 || index > highest) {
            return true;
        }
        long behind = highest - index;
        return behind < SIZE && (seen & (1L << behind)) == 0;
    }

    /** Records an authenticated index (checked with {@link #isFresh} first). */
    void accept(long index) {
        if (highest < 0) {
            highest = index;
            seen = 1;
        } else if (index > highest) {
            long ahead = index - highest;
            seen = ahead < SIZE ? (seen << ahead) | 1 : 1;
            highest = index;
        } else {
            seen |= 1L << (highest - index);
        }
    }

    void reset() {
        highest = -1;
        seen = 0;
    }

    /**
     * The packet index of sequence number {@code seq} relative to {@code highest} (RFC 3711
     * Appendix A): the rollover counter that puts it closest to the highest one seen. Negative if
     * it would be before the stream's first rollover period; {@code seq} itself when nothing was
     * seen yet (the first packet of a stream has ROC 0, as DTLS-SRTP starts every stream).
     */
    static long estimateIndex(long highest, int seq) {
        if (highest < 0) {
            return seq;
        }
        long roc = highest >>> 16;
        int last = (int) (highest & 0xFFFF);
        long v;
        if (last < 32768) {
            v = seq - last > 32768 ? roc - 1 : roc;
        } else {
            v = last - 32768 > seq ? roc + 1 : roc;
        }
        if (v < 0 || v > 0xFFFF_FFFFL) {
            return -1;
        }
        return (v << 16) | seq;
    }
}

package org.parley.media.rtp;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Keeps one forwarded stream's sequence numbers and timestamps continuous for one subscriber while the
 * SFU leaves packets out on purpose (a paused or unselected stream, a dropped layer) or switches the
 * source behind the stream (another simulcast layer, another speaker). A receiver that sees a gap in
 * sequence numbers asks for the "lost" packets and counts them as loss; one that sees timestamps jump
 * back or stall renders badly. So every packet left out shifts later sequence numbers down by one, and
 * a switch continues both numbers from the last packet sent.
 *
 * <p>Packets that are merely missing (lost upstream, or reordered) keep their place: their outgoing
 * numbers are reserved, so a late arrival still fits, and a receiver's NACK for one maps back to the
 * publisher's sequence number ({@link #originalSequence}) so the SFU can ask the publisher for it.
 *
 * <p>All arithmetic is modulo 2^16 (sequence numbers) and 2^32 (timestamps). The last
 * {@code historySize} input sequence numbers are remembered; older late packets are dropped. A jump
 * forward of more than that is a discontinuity (a publisher restart), and the stream continues from
 * the last number sent; so does a run of {@value #RESYNC_AFTER} packets that all look too old.
 *
 * <p>Threads: {@link #forward}, {@link #skip}, {@link #switchSource} and {@link #rewrite} belong to
 * the one thread that forwards this stream; {@link #originalSequence} may be called from any thread
 * (it may miss a mapping that is being written at that moment).
 */
public final class SequenceRewriter {

    /** Returned by {@link #forward} for a packet that must not be sent. */
    public static final long DROP = -1;
    /** Consecutive too-old packets after which they are taken as the stream's new numbering. */
    public static final int RESYNC_AFTER = 16;

    private static final long EMPTY = -1;
    private static final long SENT_OR_EXPECTED = 1L << 32;
    private static final long SKIPPED = 2L << 32;
    private static final long TIMESTAMP_MASK = 0xFFFF_FFFFL;

    private final int historySize;
    private final int mask;
    /** Per input sequence number: state | in << 16 | out. */
    private final long[] byInput;
    /** Per output sequence number: out << 16 | in. */
    private final AtomicLongArray byOutput;
    private final int initialSequence;

    private boolean started;
    private boolean switchPending;
    private long pendingTimestampAdvance;
    private int highestIn;
    private int sequenceDelta;
    private long timestampDelta;
    private int lastOut;
    private long lastOutTimestamp;
    private int tooOldInARow;

    /**
     * @param historySize how many recent sequence numbers to remember: a power of two, 16..16384;
     *     at least the NACK cache size
     * @param initialSequence the first outgoing sequence number (RFC 3550 asks for a random one)
     */
    public SequenceRewriter(int historySize, int initialSequence) {
        if (historySize < 16 || historySize > 16384 || Integer.bitCount(historySize) != 1) {
            throw new IllegalArgumentException("history size must be a power of two in 16..16384: " + historySize);
        }
        this.historySize = historySize;
        this.mask = historySize - 1;
        this.byInput = new long[historySize];
        this.byOutput = new AtomicLongArray(historySize);
        this.initialSequence = initialSequence & 0xFFFF;
        clearHistory();
    }

    /** The outgoing sequence number packed by {@link #forward}. */
    public static int outSequence(long forwarded) {
        return (int) (forwarded >>> 32) & 0xFFFF;
    }

    /** The outgoing timestamp packed by {@link #forward}. */
    public static long outTimestamp(long forwarded) {
        return forwarded & TIMESTAMP_MASK;
    }

    /**
     * Rewrites a packet being forwarded, in place; false if it must not be sent (too old, a duplicate of
     * a skipped packet, or not a valid packet).
     */
    public boolean rewrite(RtpPacket packet) {
        if (!packet.isValid()) {
            return false;
        }
        long forwarded = forward(packet.sequenceNumber(), packet.timestamp());
        if (forwarded == DROP) {
            return false;
        }
        packet.setSequenceNumber(outSequence(forwarded));
        packet.setTimestamp(outTimestamp(forwarded));
        return true;
    }

    /**
     * Maps a packet being forwarded: returns the outgoing sequence number and timestamp packed in a long
     * (read them with {@link #outSequence} and {@link #outTimestamp}), or {@link #DROP}.
     */
    public long forward(int sequenceNumber, long timestamp) {
        int in = sequenceNumber & 0xFFFF;
        long ts = timestamp & TIMESTAMP_MASK;
        if (!started || switchPending) {
            int out = started ? (lastOut + 1) & 0xFFFF : initialSequence;
            long outTs = started ? (lastOutTimestamp + pendingTimestampAdvance) & TIMESTAMP_MASK : ts;
            if (started) {
                clearHistory();
            }
            started = true;
            switchPending = false;
            timestampDelta = outTs - ts;
            return continueAt(in, out, ts);
        }
        int ahead = (short) (in - highestIn);
        if (ahead >= historySize) {
            return continueAt(in, (lastOut + 1) & 0xFFFF, ts);
        }
        if (ahead > 0) {
            tooOldInARow = 0;
            reserveGap(in);
            return sent(in, (in + sequenceDelta) & 0xFFFF, ts);
        }
        if (-ahead >= historySize) {
            return ++tooOldInARow >= RESYNC_AFTER ? continueAt(in, (lastOut + 1) & 0xFFFF, ts) : DROP;
        }
        tooOldInARow = 0;
        long entry = byInput[in & mask];
        if (entry == EMPTY || inOf(entry) != in || (entry & SKIPPED) != 0) {
            return DROP;
        }
        return pack(outOf(entry), (ts + timestampDelta) & TIMESTAMP_MASK);
    }

    /**
     * The SFU decided not to send this packet: later packets move down by one so the receiver sees no
     * gap. (A packet left out after later ones were already sent leaves a gap: its number is taken.)
     */
    public void skip(int sequenceNumber) {
        if (!started || switchPending) {
            return;  // nothing sent since the start or the switch: the next forwarded packet sets the base
        }
        int in = sequenceNumber & 0xFFFF;
        int ahead = (short) (in - highestIn);
        if (ahead > 0 && ahead < historySize) {
            reserveGap(in);
            highestIn = in;
            sequenceDelta = (sequenceDelta - 1) & 0xFFFF;
            byInput[in & mask] = SKIPPED | ((long) in << 16);
        } else if (ahead <= 0 && -ahead < historySize) {
            long entry = byInput[in & mask];
            if (entry != EMPTY && inOf(entry) == in && (entry & SKIPPED) == 0) {
                byInput[in & mask] = SKIPPED | ((long) in << 16);
                int out = outOf(entry);
                byOutput.compareAndSet(out & mask, ((long) out << 16) | in, EMPTY);
            }
        }
    }

    /**
     * The next forwarded packet comes from another source: its sequence number follows the last one
     * sent, its timestamp is the last one sent plus {@code timestampAdvance} (the wall-clock time since
     * that packet in the clock rate's units, at least 1). Retransmission requests for packets sent
     * before the switch can then only be served from the sent-packet cache.
     */
    public void switchSource(long timestampAdvance) {
        if (timestampAdvance < 1) {
            throw new IllegalArgumentException("timestamps must advance across a switch: " + timestampAdvance);
        }
        if (started) {
            switchPending = true;
            pendingTimestampAdvance = timestampAdvance;
        }
    }

    /** The publisher's sequence number behind an outgoing one, or -1 if unknown (too old, skipped, before a switch). */
    public int originalSequence(int outSequence) {
        int out = outSequence & 0xFFFF;
        long entry = byOutput.getAcquire(out & mask);
        return entry == EMPTY || (int) (entry >>> 16) != out ? -1 : (int) (entry & 0xFFFF);
    }

    /** Starts a new numbering: {@code in} goes out as {@code out}, later numbers follow it. */
    private long continueAt(int in, int out, long ts) {
        tooOldInARow = 0;
        sequenceDelta = (out - in) & 0xFFFF;
        return sent(in, out, ts);
    }

    private long sent(int in, int out, long ts) {
        long outTs = (ts + timestampDelta) & TIMESTAMP_MASK;
        highestIn = in;
        lastOut = out;
        lastOutTimestamp = outTs;
        expect(in, out);
        return pack(out, outTs);
    }

    /** Reserves outgoing numbers for the packets between the highest seen and {@code in} (at most the history). */
    private void reserveGap(int in) {
        int missing = Math.min(((in - highestIn) & 0xFFFF) - 1, historySize);
        for (int i = missing; i >= 1; i--) {
            int gap = (in - i) & 0xFFFF;
            expect(gap, (gap + sequenceDelta) & 0xFFFF);
        }
    }

    private void expect(int in, int out) {
        byInput[in & mask] = SENT_OR_EXPECTED | ((long) in << 16) | out;
        byOutput.setRelease(out & mask, ((long) out << 16) | in);
    }

    private void clearHistory() {
        Arrays.fill(byInput, EMPTY);
        for (int i = 0; i < historySize; i++) {
            byOutput.setRelease(i, EMPTY);
        }
    }

    private static int inOf(long entry) {
        return (int) (entry >>> 16) & 0xFFFF;
    }

    private static int outOf(long entry) {
        return (int) entry & 0xFFFF;
    }

    private static long pack(int out, long outTs) {
        return ((long) out << 32) | outTs;
    }
}

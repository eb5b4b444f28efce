package org.parley.media.sfu;

import org.parley.media.rtp.NackCache;
import org.parley.media.rtp.RtpPacket;
import org.parley.media.rtp.SequenceRewriter;
import org.parley.media.rtp.Vp8Descriptor;

/**
 * What one receiver gets of one simulcast stream: exactly one layer at a time, rewritten so the receiver
 * sees one continuous stream on the SFU's own SSRC. The layer changes only on a key frame of the new
 * layer (anything else could not be decoded without the frames before it); until that key frame comes
 * the old layer goes on, and the caller is asked to request one ({@link #keyFrameWanted}).
 *
 * <p>At a switch the sequence numbers continue from the last one sent, the RTP timestamp advances by the
 * wall-clock time since the last packet sent, and the VP8 picture ID and TL0PICIDX continue from the last
 * ones sent, so the receiver's jitter buffer and decoder see neither a gap nor a jump back.
 *
 * <p>Threads: {@link #onPacket} belongs to the thread that receives the publisher's packets (every layer
 * of a stream comes from the same connection, hence the same thread). {@link #setMaxHeight} is called by
 * the configuring thread; the retransmission cache and {@link #currentLayer} are read by the receiver's
 * RTCP thread.
 */
final class LayerForwarder {

    static final int NO_LAYER = -1;
    /** About a second of a small simulcast layer: each receiver has its own, since each is numbered its own way. */
    static final int CACHE_PACKETS = 256;
    private static final int HISTORY = 512;
    /** 90 kHz ticks per nanosecond, as a fraction: 9 / 100 000. */
    private static final long TICKS_NUMERATOR = 9;
    private static final long TICKS_DENOMINATOR = 100_000;

    final PacketSink sink;
    final long outputSsrc;
    final SequenceRewriter sequence;
    final NackCache sent = new NackCache(CACHE_PACKETS, Router.MAX_PACKET);
    private volatile int maxHeight;
    private volatile int current = NO_LAYER;
    /** After {@link #onPacket}: the layer of which the caller should request a key frame, or {@link #NO_LAYER}. */
    int keyFrameWanted = NO_LAYER;
    private long lastSentNanos;
    private boolean pictureIdStarted;
    private int pictureIdDelta;
    private int lastPictureId;
    private boolean tl0Started;
    private int tl0Delta;
    private int lastTl0;
    private long switches;

    LayerForwarder(PacketSink sink, long outputSsrc, int initialSequence, int maxHeight) {
        this.sink = sink;
        this.outputSsrc = outputSsrc;
        this.sequence = new SequenceRewriter(HISTORY, initialSequence);
        this.maxHeight = maxHeight;
    }

    /** The tallest picture this receiver wants; 0 for no limit. */
    int maxHeight() {
        return maxHeight;
    }

    void setMaxHeight(int maxHeight) {
        this.maxHeight = maxHeight;
    }

    /** The layer being forwarded, or {@link #NO_LAYER} before the first key frame. */
    int currentLayer() {
        return current;
    }

    long switches() {
        return switches;
    }

    /**
     * Decides what to do with one packet of layer {@code layer} when this receiver should get layer
     * {@code target}; if it is to be sent, rewrites it in place (sequence number, timestamp, SSRC, VP8
     * picture ID and TL0PICIDX) and returns true. The original values are passed in because the same
     * buffer is rewritten for each receiver in turn.
     */
    boolean onPacket(int layer, int target, boolean keyFrameStart, RtpPacket packet, Vp8Descriptor vp8,
            int sequenceNumber, long timestamp, int pictureId, int tl0PicIdx, long nowNanos) {
        keyFrameWanted = NO_LAYER;
        boolean switching = false;
        if (layer != current) {
            if (layer != target) {
                return false;
            }
            if (!keyFrameStart) {
                keyFrameWanted = layer;
                return false;
            }
            if (current != NO_LAYER) {
                long ticks = (nowNanos - lastSentNanos) * TICKS_NUMERATOR / TICKS_DENOMINATOR;
                sequence.switchSource(Math.max(1, ticks));
                switches++;
            }
            current = layer;
            switching = true;
        } else if (target != NO_LAYER && target != layer) {
            keyFrameWanted = target;
        }
        long forwarded = sequence.forward(sequenceNumber, timestamp);
        if (forwarded == SequenceRewriter.DROP) {
            return false;
        }
        packet.setSequenceNumber(SequenceRewriter.outSequence(forwarded));
        packet.setTimestamp(SequenceRewriter.outTimestamp(forwarded));
        packet.setSsrc(outputSsrc);
        if (pictureId >= 0) {
            vp8.setPictureId(rewritePictureId(pictureId, vp8.pictureIdBits() == 15 ? 0x7FFF : 0x7F, switching));
        }
        if (tl0PicIdx >= 0) {
            vp8.setTl0PicIdx(rewriteTl0(tl0PicIdx, switching));
        }
        sent.put(packet.buffer(), packet.offset(), packet.length());
        lastSentNanos = nowNanos;
        return true;
    }

    private int rewritePictureId(int in, int mask, boolean switching) {
        if (!pictureIdStarted || switching) {
            pictureIdDelta = pictureIdStarted ? lastPictureId + 1 - in : 0;
            lastPictureId = (in + pictureIdDelta - 1) & 0x7FFF;
            pictureIdStarted = true;
        }
        int out = (in + pictureIdDelta) & 0x7FFF;
        if (((out - lastPictureId) & 0x7FFF) < 0x4000) {
            lastPictureId = out;
        }
        return out & mask;
    }

    private int rewriteTl0(int in, boolean switching) {
        if (!tl0Started || switching) {
            tl0Delta = tl0Started ? lastTl0 + 1 - in : 0;
            lastTl0 = (in + tl0Delta - 1) & 0xFF;
            tl0Started = true;
        }
        int out = (in + tl0Delta) & 0xFF;
        if (((out - lastTl0) & 0xFF) < 0x80) {
            lastTl0 = out;
        }
        return out;
    }
}

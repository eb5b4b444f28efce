package org.parley.media.sfu;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parley.media.rtp.RtpPacket;
import org.parley.media.rtp.Vp8Descriptor;

/**
 * The layers of one simulcast stream as the router knows them: each layer's SSRC and RTX SSRC (learned
 * from the rid / repaired-rid header extensions of the first packets, since the offer signals none), its
 * picture height (read from its key frames: layer order alone would trust the browser's scaling), when it
 * last sent something, and the receivers' {@link LayerForwarder}s. Outlives route rebuilds.
 *
 * <p>Threads: SSRCs and forwarders change under the router's configuration lock; heights and activity are
 * written and read by the thread receiving the publisher's packets.
 */
final class SimulcastLayers {

    /** A layer that sent nothing for this long is not chosen (the browser paused it, for bandwidth or CPU). */
    static final long ACTIVE_NANOS = 1_500_000_000L;

    final InboundStream stream;
    final int count;
    private final byte[][] rids;
    private final byte[] mid;
    final long[] ssrcs;
    final long[] rtxSsrcs;
    final int[] heights;
    final long[] lastSeen;
    final RouteTable.StreamState[] states;
    final Vp8Descriptor vp8 = new Vp8Descriptor();
    /** By receiving participant; configuration thread only. */
    final Map<String, LayerForwarder> forwarders = new LinkedHashMap<>();

    SimulcastLayers(InboundStream stream) {
        this.stream = stream;
        List<String> names = stream.simulcast().rids();
        this.count = names.size();
        this.rids = new byte[count][];
        for (int i = 0; i < count; i++) {
            rids[i] = names.get(i).getBytes(StandardCharsets.US_ASCII);
        }
        this.mid = stream.simulcast().mid().getBytes(StandardCharsets.US_ASCII);
        this.ssrcs = new long[count];
        this.rtxSsrcs = new long[count];
        this.heights = new int[count];
        this.lastSeen = new long[count];
        this.states = new RouteTable.StreamState[count];
        for (int i = 0; i < count; i++) {
            states[i] = new RouteTable.StreamState(false);
        }
    }

    /**
     * The layer a receiver limited to {@code maxHeight} (0: no limit) should get now: the tallest active
     * layer of known height within the limit, else the smallest of known height, else the first active
     * layer (heights become known with each layer's first key frame); {@link LayerForwarder#NO_LAYER} when
     * no layer is active.
     */
    int target(int maxHeight, long nowNanos) {
        int best = LayerForwarder.NO_LAYER;
        int bestHeight = -1;
        int smallest = LayerForwarder.NO_LAYER;
        int smallestHeight = Integer.MAX_VALUE;
        int firstActive = LayerForwarder.NO_LAYER;
        for (int i = 0; i < count; i++) {
            if (lastSeen[i] == 0 || nowNanos - lastSeen[i] > ACTIVE_NANOS) {
                continue;
            }
            if (firstActive == LayerForwarder.NO_LAYER) {
                firstActive = i;
            }
            int height = heights[i];
            if (height <= 0) {
                continue;
            }
            if ((maxHeight == 0 || height <= maxHeight) && height > bestHeight) {
                best = i;
                bestHeight = height;
            }
            if (height < smallestHeight) {
                smallest = i;
                smallestHeight = height;
            }
        }
        return best != LayerForwarder.NO_LAYER ? best : smallest != LayerForwarder.NO_LAYER ? smallest : firstActive;
    }

    /** Notes a packet of a layer; a key frame tells the layer's height. */
    void seen(int layer, boolean keyFrameStart, int keyFrameHeight, long nowNanos) {
        lastSeen[layer] = nowNanos;
        if (keyFrameStart && keyFrameHeight > 0) {
            heights[layer] = keyFrameHeight;
        }
    }

    /**
     * Which layer a packet of an unknown SSRC belongs to, from its header extensions: the layer index for
     * a media packet, {@code -(index + 2)} for a retransmission of that layer, {@link LayerForwarder#NO_LAYER}
     * for a packet of another m-line or without a rid.
     */
    int identify(RtpPacket packet) {
        InboundStream.Simulcast simulcast = stream.simulcast();
        if (simulcast.midExtension() > 0) {
            int at = packet.extensionOffset(simulcast.midExtension());
            if (at >= 0 && !equal(packet, at, packet.extensionLength(simulcast.midExtension()), mid)) {
                return LayerForwarder.NO_LAYER;
            }
        }
        // A retransmission names the layer it repairs; Chrome may copy the rid into it as well, so the
        // payload type decides what it is.
        int layer = simulcast.repairedRidExtension() > 0 ? find(packet, simulcast.repairedRidExtension())
                : LayerForwarder.NO_LAYER;
        if (layer == LayerForwarder.NO_LAYER) {
            layer = find(packet, simulcast.ridExtension());
        }
        if (layer == LayerForwarder.NO_LAYER) {
            return LayerForwarder.NO_LAYER;
        }
        boolean rtx = stream.hasRtx() && packet.payloadType() == stream.rtxPayloadType();
        return rtx ? -(layer + 2) : layer;
    }

    private int find(RtpPacket packet, int extension) {
        int at = packet.extensionOffset(extension);
        if (at < 0) {
            return LayerForwarder.NO_LAYER;
        }
        int length = packet.extensionLength(extension);
        for (int i = 0; i < count; i++) {
            if (equal(packet, at, length, rids[i])) {
                return i;
            }
        }
        return LayerForwarder.NO_LAYER;
    }

    /** An SDES item in a header extension may be padded with zero bytes after the text. */
    private static boolean equal(RtpPacket packet, int at, int length, byte[] expected) {
        byte[] b = packet.buffer();
        int end = at + length;
        while (end > at && b[end - 1] == 0) {
            end--;
        }
        if (end - at != expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (b[at + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    /** Binds a learned SSRC (configuration lock held); an SSRC that belonged to another layer moves. */
    void bind(int layer, long ssrc, boolean rtx) {
        for (int i = 0; i < count; i++) {
            if (ssrcs[i] == ssrc) {
                ssrcs[i] = 0;
            }
            if (rtxSsrcs[i] == ssrc) {
                rtxSsrcs[i] = 0;
            }
        }
        (rtx ? rtxSsrcs : ssrcs)[layer] = ssrc;
    }

    LayerForwarder forwarderFor(PacketSink sink) {
        for (LayerForwarder forwarder : forwarderArray) {
            if (forwarder.sink == sink) {
                return forwarder;
            }
        }
        return null;
    }

    /** The forwarders as the media threads read them, republished with every rebuild. */
    volatile LayerForwarder[] forwarderArray = new LayerForwarder[0];
}

package org.parley.media.sfu;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;
import org.parley.media.rtp.RtpPacket;
import org.parley.media.rtp.RtxWrapper;
import org.parley.media.rtp.Vp8Descriptor;

/**
 * The forwarding core of one room. Configuration (who publishes which streams, who receives
 * what, what is paused) changes on the owning actor's thread and is published as an immutable
 * {@link RouteTable}; packets are forwarded on the transports' media threads, reading that table
 * without locks or allocation. A packet of a single-stream track is sent as is (same SSRC, same
 * sequence number): each forwarded stream has its own m-line, so nothing needs rewriting. A simulcast
 * track reaches each receiver as one layer, chosen by the receiver's maximum video height and switched
 * on key frames by its {@link LayerForwarder}, which rewrites the packets into one continuous stream.
 */
public final class Router {

    static final int MAX_PACKET = 1500;
    /** About two seconds of a 1.5 Mbit/s camera: NACKs come within a round trip or two. */
    static final int NACK_CACHE_PACKETS = 512;

    /** Never ask a publisher for key frames more often than this: each one costs a burst of bitrate. */
    private static final long KEY_FRAME_INTERVAL_NANOS = 300_000_000L;
    private static final PacketSink[] NO_TARGETS = new PacketSink[0];

    private final LongSupplier nanoClock;
    private final long bitrateBudget;
    private final Object configuration = new Object();
    private final Map<String, Publisher> publishers = new LinkedHashMap<>();
    private final Map<String, Subscriber> subscribers = new LinkedHashMap<>();
    /** What each participant asked to receive, also before (and between) its receiving connections. */
    private final Map<String, Constraints> constraints = new HashMap<>();
    private volatile RouteTable routes = RouteTable.EMPTY;

    /**
     * @param bitrateBudget bits per second each publisher is told it may send (REMB), so browsers
     *     ramp up instead of staying at their start bitrate
     */
    public Router(LongSupplier nanoClock, long bitrateBudget) {
        this.nanoClock = nanoClock;
        this.bitrateBudget = bitrateBudget;
    }

    // ---- configuration: the owning actor's thread ----

    public void publish(String participant, PacketSink sink, List<InboundStream> streams) {
        synchronized (configuration) {
            Publisher previous = publishers.get(participant);
            Publisher publisher = new Publisher(participant, sink, List.copyOf(streams),
                    previous == null ? Pause.NONE : previous.pause);
            for (InboundStream stream : publisher.streams) {
                if (stream.isSimulcast()) {
                    SimulcastLayers kept = previous == null ? null : previous.simulcast.get(stream.trackId());
                    // A renegotiation keeps the layers' learned SSRCs and heights; a changed stream starts over.
                    publisher.simulcast.put(stream.trackId(),
                            kept != null && kept.stream.equals(stream) ? kept : new SimulcastLayers(stream));
                }
            }
            publishers.put(participant, publisher);
            rebuild();
        }
    }

    /**
     * The participant receives everyone else's streams through {@code sink}; the returned
     * subscription takes the RTCP that connection sends back (key-frame and retransmission requests).
     */
    public Subscription subscribe(String participant, PacketSink sink) {
        synchronized (configuration) {
            subscribers.put(participant, new Subscriber(participant, sink,
                    constraints.getOrDefault(participant, Constraints.NONE)));
            rebuild();
        }
        return new Subscription(this, sink);
    }

    /** A muted track is not forwarded; this is where mute is enforced. */
    public void pause(String participant, boolean audio, boolean video) {
        synchronized (configuration) {
            Publisher publisher = publishers.get(participant);
            if (publisher != null) {
                publisher.pause = new Pause(audio, video);
                rebuild();
            }
        }
    }

    public void constrain(String participant, boolean lowBandwidth) {
        constrain(participant, lowBandwidth, 0);
    }

    /**
     * What a receiver wants: low-bandwidth mode (audio and screen shares only), and the tallest video
     * picture it wants of simulcast cameras (0 for no limit; it gets the tallest layer within the limit,
     * else the smallest layer).
     */
    public void constrain(String participant, boolean lowBandwidth, int maxVideoHeight) {
        if (maxVideoHeight < 0) {
            throw new IllegalArgumentException("a maximum video height is 0 (no limit) or positive: " + maxVideoHeight);
        }
        synchronized (configuration) {
            Constraints wanted = new Constraints(lowBandwidth, maxVideoHeight);
            constraints.put(participant, wanted);
            Subscriber subscriber = subscribers.get(participant);
            if (subscriber != null) {
                subscriber.constraints = wanted;
                rebuild();
            }
        }
    }

    /** The participant's receiving connection is gone (it will subscribe again on a new one). */
    public void unsubscribe(String participant) {
        synchronized (configuration) {
            if (subscribers.remove(participant) != null) {
                rebuild();
            }
        }
    }

    public void remove(String participant) {
        synchronized (configuration) {
            publishers.remove(participant);
            subscribers.remove(participant);
            constraints.remove(participant);
            rebuild();
        }
    }

    /** Streams other participants can receive, in publishing order. */
    public List<PublishedStream> streams() {
        synchronized (configuration) {
            List<PublishedStream> all = new ArrayList<>();
            publishers.values().forEach(p -> p.streams.forEach(s -> all.add(new PublishedStream(p.participant, s))));
            return all;
        }
    }

    public record PublishedStream(String participant, InboundStream stream) {}

    private void rebuild() {
        Map<Long, RouteTable.Route> built = new HashMap<>();
        Map<Long, RouteTable.Route> outputs = new HashMap<>();
        List<SimulcastLayers> gainedReceivers = new ArrayList<>();
        for (Publisher publisher : publishers.values()) {
            for (InboundStream stream : publisher.streams) {
                boolean paused = stream.kind() == StreamKind.AUDIO ? publisher.pause.audio : publisher.pause.video && !stream.screen();
                if (stream.isSimulcast()) {
                    SimulcastLayers layers = publisher.simulcast.get(stream.trackId());
                    if (updateForwarders(publisher, layers)) {
                        gainedReceivers.add(layers);
                    }
                    outputs.put(stream.ssrc(), new RouteTable.Route(stream, publisher.sink, NO_TARGETS, paused,
                            layers.states[0], 0, layers, -1));
                    for (int i = 0; i < layers.count; i++) {
                        if (layers.ssrcs[i] == 0) {
                            continue; // not seen yet
                        }
                        RouteTable.Route layer = new RouteTable.Route(stream, publisher.sink, NO_TARGETS, paused,
                                layers.states[i], layers.ssrcs[i], layers, i);
                        built.put(layers.ssrcs[i], layer);
                        if (layers.rtxSsrcs[i] != 0) {
                            built.put(layers.rtxSsrcs[i], layer);
                        }
                    }
                    continue;
                }
                List<PacketSink> targets = new ArrayList<>();
                for (Subscriber subscriber : subscribers.values()) {
                    if (!subscriber.participant.equals(publisher.participant) && subscriber.constraints.accepts(stream)) {
                        targets.add(subscriber.sink);
                    }
                }
                RouteTable.Route previous = routes.find(stream.ssrc());
                RouteTable.Route route = new RouteTable.Route(stream, publisher.sink, targets.toArray(PacketSink[]::new),
                        paused, previous == null || previous.layers() != null ? new RouteTable.StreamState(stream) : previous.state());
                built.put(stream.ssrc(), route);
                if (stream.rtxSsrc() != 0) {
                    built.put(stream.rtxSsrc(), route);
                }
            }
        }
        RouteTable before = routes;
        routes = RouteTable.of(built, outputs);
        requestKeyFramesForNewTargets(before);
        for (SimulcastLayers layers : gainedReceivers) {
            // Which layer a new receiver gets depends on the pictures to come: ask every layer for a key frame.
            for (int i = 0; i < layers.count; i++) {
                if (layers.ssrcs[i] != 0) {
                    requestKeyFrame(findPublisherSink(layers), layers.states[i], layers.ssrcs[i]);
                }
            }
        }
    }

    private PacketSink findPublisherSink(SimulcastLayers layers) {
        for (Publisher publisher : publishers.values()) {
            if (publisher.simulcast.containsValue(layers)) {
                return publisher.sink;
            }
        }
        throw new IllegalStateException("simulcast layers without a publisher");
    }

    /**
     * Gives each receiver of a simulcast stream its forwarder (kept while it stays, with its numbering),
     * with its current height limit; true if a receiver was added.
     */
    private boolean updateForwarders(Publisher publisher, SimulcastLayers layers) {
        boolean gained = false;
        Map<String, LayerForwarder> kept = new LinkedHashMap<>();
        for (Subscriber subscriber : subscribers.values()) {
            if (subscriber.participant.equals(publisher.participant) || !subscriber.constraints.accepts(layers.stream)) {
                continue;
            }
            LayerForwarder forwarder = layers.forwarders.get(subscriber.participant);
            if (forwarder == null || forwarder.sink != subscriber.sink) {
                forwarder = new LayerForwarder(subscriber.sink, layers.stream.ssrc(),
                        ThreadLocalRandom.current().nextInt(1 << 15), subscriber.constraints.maxVideoHeight());
                gained = true;
            }
            forwarder.setMaxHeight(subscriber.constraints.maxVideoHeight());
            kept.put(subscriber.participant, forwarder);
        }
        layers.forwarders.clear();
        layers.forwarders.putAll(kept);
        layers.forwarderArray = kept.values().toArray(LayerForwarder[]::new);
        return gained;
    }

    /** A subscriber that just started receiving a video stream needs a key frame to show anything. */
    private void requestKeyFramesForNewTargets(RouteTable before) {
        for (RouteTable.Route route : routes.routes()) {
            if (route.stream().kind() != StreamKind.VIDEO || route.layers() != null) {
                continue;
            }
            RouteTable.Route old = before.find(route.stream().ssrc());
            boolean gainedTarget = old == null ? route.targets().length > 0 : hasNewTarget(old.targets(), route.targets());
            if (gainedTarget) {
                requestKeyFrame(route);
            }
        }
    }

    private static boolean hasNewTarget(PacketSink[] old, PacketSink[] now) {
        outer:
        for (PacketSink sink : now) {
            for (PacketSink existing : old) {
                if (existing == sink) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    // ---- packets: media threads ----

    /**
     * An RTP packet a publisher sent (already decrypted). A retransmission the publisher sent us
     * (RTX) is restored to the original packet first: receivers get retransmissions from us, on
     * their own RTX sequence, never the publisher's.
     */
    public void onPublisherRtp(byte[] buffer, int offset, int length) {
        onPublisherRtp(null, buffer, offset, length);
    }

    /**
     * As {@link #onPublisherRtp(byte[], int, int)}, for a packet from this participant's publish
     * connection: a packet of a simulcast layer not seen before is recognised by its rid header extension,
     * and its SSRC joins the routes.
     */
    public void onPublisherRtp(String publisher, byte[] buffer, int offset, int length) {
        if (!RtpBytes.isRtp(buffer, offset, length)) {
            return;
        }
        long ssrc = RtpBytes.ssrc(buffer, offset);
        RouteTable.Route route = routes.find(ssrc);
        if (route == null) {
            if (publisher == null || !learn(publisher, ssrc, buffer, offset, length)) {
                return;
            }
            route = routes.find(ssrc);
            if (route == null) {
                return;
            }
        }
        RouteTable.StreamState state = route.state();
        InboundStream stream = route.stream();
        if (ssrc != route.mediaSsrc()) {
            int restored = RtxWrapper.unwrap(state.view.wrap(buffer, offset, length), route.mediaSsrc(),
                    stream.payloadType(), state.restored, 0);
            if (restored < 0) {
                return; // padding-only probe or garbage
            }
            buffer = state.restored;
            offset = 0;
            length = restored;
        }
        state.received++;
        if (route.layers() != null) {
            forwardLayer(route, buffer, offset, length);
            return;
        }
        if (route.paused()) {
            return;
        }
        if (state.sent != null) {
            state.sent.put(buffer, offset, length);
        }
        for (PacketSink target : route.targets()) {
            target.sendRtp(buffer, offset, length);
        }
        state.forwarded += route.targets().length;
    }

    /** One packet of a simulcast layer, to the receivers that have this layer selected (rewritten for each). */
    private void forwardLayer(RouteTable.Route route, byte[] buffer, int offset, int length) {
        SimulcastLayers layers = route.layers();
        RouteTable.StreamState state = route.state();
        RtpPacket packet = state.view.wrap(buffer, offset, length);
        if (!packet.isValid()) {
            return;
        }
        int layer = route.layer();
        long now = nanoClock.getAsLong();
        Vp8Descriptor vp8 = layers.vp8.wrap(buffer, packet.payloadOffset(), packet.payloadLength());
        boolean keyFrameStart = vp8.isKeyFrameStart();
        layers.seen(layer, keyFrameStart, vp8.keyFrameHeight(), now);
        LayerForwarder[] forwarders = layers.forwarderArray;
        if (route.paused() || forwarders.length == 0) {
            return;
        }
        if (layers.heights[layer] == 0) {
            requestKeyFrame(route.publisher(), state, route.mediaSsrc()); // to learn how tall it is
        }
        int sequenceNumber = packet.sequenceNumber();
        long timestamp = packet.timestamp();
        int pictureId = vp8.pictureId();
        int tl0PicIdx = vp8.tl0PicIdx();
        for (LayerForwarder forwarder : forwarders) {
            int target = layers.target(forwarder.maxHeight(), now);
            if (forwarder.onPacket(layer, target, keyFrameStart, packet, vp8, sequenceNumber, timestamp, pictureId,
                    tl0PicIdx, now)) {
                forwarder.sink.sendRtp(buffer, offset, length);
                state.forwarded++;
            }
            int wanted = forwarder.keyFrameWanted;
            if (wanted != LayerForwarder.NO_LAYER && layers.ssrcs[wanted] != 0) {
                requestKeyFrame(route.publisher(), layers.states[wanted], layers.ssrcs[wanted]);
            }
        }
    }

    /**
     * A packet of an SSRC no route knows: if it is a layer of one of this publisher's simulcast streams,
     * bind its SSRC and rebuild the routes (once per layer and SSRC, not per packet).
     */
    private boolean learn(String participant, long ssrc, byte[] buffer, int offset, int length) {
        synchronized (configuration) {
            Publisher publisher = publishers.get(participant);
            if (publisher == null || publisher.simulcast.isEmpty()) {
                return false;
            }
            RtpPacket packet = publisher.unknown.wrap(buffer, offset, length);
            if (!packet.isValid()) {
                return false;
            }
            for (SimulcastLayers layers : publisher.simulcast.values()) {
                int found = layers.identify(packet);
                if (found == LayerForwarder.NO_LAYER) {
                    continue;
                }
                boolean rtx = found < 0;
                int layer = rtx ? -found - 2 : found;
                layers.bind(layer, ssrc, rtx);
                rebuild();
                return true;
            }
            return false;
        }
    }

    /** RTCP a publisher sent: its sender reports go to those receiving the stream, for lip sync. */
    public void onPublisherRtcp(byte[] buffer, int offset, int length) {
        if (length < 8 || (buffer[offset + 1] & 0xFF) != RtpBytes.RTCP_SR) {
            return;
        }
        RouteTable.Route route = routes.find(RtpBytes.u32(buffer, offset + 4));
        if (route == null || route.paused()) {
            return;
        }
        for (PacketSink target : route.targets()) {
            target.sendRtcp(buffer, offset, length);
        }
    }

    RouteTable.Route route(long ssrc) {
        return routes.find(ssrc);
    }

    /** A simulcast stream by the SSRC its receivers see. */
    RouteTable.Route outputRoute(long ssrc) {
        return routes.findOutput(ssrc);
    }

    void requestKeyFrame(RouteTable.Route route) {
        requestKeyFrame(route.publisher(), route.state(), route.mediaSsrc());
    }

    /** Asks a receiver's current simulcast layer (or, before the first, every layer) for a key frame. */
    void requestKeyFrame(RouteTable.Route output, LayerForwarder forwarder) {
        SimulcastLayers layers = output.layers();
        int current = forwarder.currentLayer();
        for (int i = 0; i < layers.count; i++) {
            long ssrc = layers.ssrcs[i];
            if (ssrc != 0 && (current == LayerForwarder.NO_LAYER || current == i)) {
                requestKeyFrame(output.publisher(), layers.states[i], ssrc);
            }
        }
    }

    /**
     * Sends a PLI for one SSRC unless one went less than {@link #KEY_FRAME_INTERVAL_NANOS} ago; it
     * allocates its 12 bytes, at most a few times a second per stream.
     */
    private void requestKeyFrame(PacketSink publisher, RouteTable.StreamState counters, long mediaSsrc) {
        long now = nanoClock.getAsLong();
        synchronized (counters) {
            if (now - counters.lastKeyFrameRequest < KEY_FRAME_INTERVAL_NANOS && counters.keyFrameRequests > 0) {
                return;
            }
            counters.lastKeyFrameRequest = now;
            counters.keyFrameRequests++;
        }
        byte[] pli = new byte[12];
        pli[0] = (byte) 0x81;
        pli[1] = (byte) RtpBytes.RTCP_PSFB;
        pli[3] = 2;
        RtpBytes.putU32(pli, 4, 1);
        RtpBytes.putU32(pli, 8, mediaSsrc);
        publisher.sendRtcp(pli, 0, pli.length);
    }

    /** Called on a timer by the owner: tells each publisher its bitrate budget (REMB). */
    public void tick() {
        Map<PacketSink, List<Long>> videoByPublisher = new LinkedHashMap<>();
        for (RouteTable.Route route : routes.routes()) {
            if (route.stream().kind() == StreamKind.VIDEO) {
                videoByPublisher.computeIfAbsent(route.publisher(), p -> new ArrayList<>()).add(route.mediaSsrc());
            }
        }
        videoByPublisher.forEach((publisher, ssrcs) -> {
            byte[] remb = Remb.packet(bitrateBudget, ssrcs);
            publisher.sendRtcp(remb, 0, remb.length);
        });
    }

    /**
     * Packets received, forwarded and retransmitted per stream SSRC (a simulcast stream's layers are
     * added up under the SSRC its receivers see), for stats.
     */
    public Map<Long, long[]> counters() {
        Map<Long, long[]> out = new LinkedHashMap<>();
        for (RouteTable.Route route : routes.routes()) {
            RouteTable.StreamState state = route.state();
            out.merge(route.stream().ssrc(), new long[] {state.received, state.forwarded, state.retransmitted},
                    (a, b) -> new long[] {a[0] + b[0], a[1] + b[1], a[2] + b[2]});
        }
        for (RouteTable.Route output : routes.outputRoutes()) {
            out.putIfAbsent(output.stream().ssrc(), new long[3]);
        }
        return out;
    }

    /**
     * The layer each receiver gets of a simulcast stream (by the stream's SSRC as receivers see it):
     * receiver participant -> layer index, -1 before its first key frame. For stats and tests.
     */
    public Map<String, Integer> selectedLayers(long streamSsrc) {
        synchronized (configuration) {
            RouteTable.Route output = routes.findOutput(streamSsrc);
            Map<String, Integer> selected = new LinkedHashMap<>();
            if (output != null) {
                output.layers().forwarders.forEach((receiver, f) -> selected.put(receiver, f.currentLayer()));
            }
            return selected;
        }
    }

    private static final class Publisher {
        final String participant;
        final PacketSink sink;
        final List<InboundStream> streams;
        /** The layers of each simulcast stream, by track id. */
        final Map<String, SimulcastLayers> simulcast = new HashMap<>();
        /** Reads packets of unknown SSRCs (under the configuration lock). */
        final RtpPacket unknown = new RtpPacket();
        Pause pause;

        Publisher(String participant, PacketSink sink, List<InboundStream> streams, Pause pause) {
            this.participant = participant;
            this.sink = sink;
            this.streams = streams;
            this.pause = pause;
        }
    }

    private static final class Subscriber {
        final String participant;
        final PacketSink sink;
        Constraints constraints;

        Subscriber(String participant, PacketSink sink, Constraints constraints) {
            this.participant = participant;
            this.sink = sink;
            this.constraints = constraints;
        }
    }

    private record Pause(boolean audio, boolean video) {
        static final Pause NONE = new Pause(false, false);
    }

    private record Constraints(boolean lowBandwidth, int maxVideoHeight) {
        static final Constraints NONE = new Constraints(false, 0);

        boolean accepts(InboundStream stream) {
            return !lowBandwidth || stream.kind() == StreamKind.AUDIO || stream.screen();
        }
    }
}

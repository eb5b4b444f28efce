package org.parley.media.sfu;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.parley.media.rtp.RtxWrapper;

/**
 * The forwarding core of one room. Configuration (who publishes which streams, who receives
 * what, what is paused) changes on the owning actor's thread and is published as an immutable
 * {@link RouteTable}; packets are forwarded on the transports' media threads, reading that table
 * without locks or allocation. Each packet is sent as is (same SSRC, same sequence number): each
 * forwarded stream has its own m-line, so nothing needs rewriting.
 */
public final class Router {

    static final int MAX_PACKET = 1500;
    /** About two seconds of a 1.5 Mbit/s camera: NACKs come within a round trip or two. */
    static final int NACK_CACHE_PACKETS = 512;

    /** Never ask a publisher for key frames more often than this: each one costs a burst of bitrate. */
    private static final long KEY_FRAME_INTERVAL_NANOS = 300_000_000L;

    private final LongSupplier nanoClock;
    private final long bitrateBudget;
    private final Object configuration = new Object();
    private final Map<String, Publisher> publishers = new LinkedHashMap<>();
    private final Map<String, Subscriber> subscribers = new LinkedHashMap<>();
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
            Subscriber previous = subscribers.get(participant);
            subscribers.put(participant, new Subscriber(participant, sink,
                    previous == null ? Constraints.NONE : previous.constraints));
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
        synchronized (configuration) {
            Subscriber subscriber = subscribers.get(participant);
            if (subscriber != null) {
                subscriber.constraints = new Constraints(lowBandwidth);
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
        for (Publisher publisher : publishers.values()) {
            for (InboundStream stream : publisher.streams) {
                boolean paused = stream.kind() == StreamKind.AUDIO ? publisher.pause.audio : publisher.pause.video && !stream.screen();
                List<PacketSink> targets = new ArrayList<>();
                for (Subscriber subscriber : subscribers.values()) {
                    if (!subscriber.participant.equals(publisher.participant) && subscriber.constraints.accepts(stream)) {
                        targets.add(subscriber.sink);
                    }
                }
                RouteTable.Route previous = routes.find(stream.ssrc());
                RouteTable.Route route = new RouteTable.Route(stream, publisher.sink, targets.toArray(PacketSink[]::new),
                        paused, previous == null ? new RouteTable.StreamState(stream) : previous.state());
                built.put(stream.ssrc(), route);
                if (stream.rtxSsrc() != 0) {
                    built.put(stream.rtxSsrc(), route);
                }
            }
        }
        RouteTable before = routes;
        routes = RouteTable.of(built);
        requestKeyFramesForNewTargets(before);
    }

    /** A subscriber that just started receiving a video stream needs a key frame to show anything. */
    private void requestKeyFramesForNewTargets(RouteTable before) {
        for (RouteTable.Route route : routes.routes()) {
            if (route.stream().kind() != StreamKind.VIDEO) {
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
        if (!RtpBytes.isRtp(buffer, offset, length)) {
            return;
        }
        long ssrc = RtpBytes.ssrc(buffer, offset);
        RouteTable.Route route = routes.find(ssrc);
        if (route == null) {
            return;
        }
        RouteTable.StreamState state = route.state();
        InboundStream stream = route.stream();
        if (ssrc != stream.ssrc()) {
            int restored = RtxWrapper.unwrap(state.view.wrap(buffer, offset, length), stream.ssrc(),
                    stream.payloadType(), state.restored, 0);
            if (restored < 0) {
                return; // padding-only probe or garbage
            }
            buffer = state.restored;
            offset = 0;
            length = restored;
        }
        state.received++;
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

    void requestKeyFrame(RouteTable.Route route) {
        long now = nanoClock.getAsLong();
        RouteTable.StreamState counters = route.state();
        if (now - counters.lastKeyFrameRequest < KEY_FRAME_INTERVAL_NANOS && counters.keyFrameRequests > 0) {
            return;
        }
        counters.lastKeyFrameRequest = now;
        counters.keyFrameRequests++;
        byte[] pli = new byte[12];
        pli[0] = (byte) 0x81;
        pli[1] = (byte) RtpBytes.RTCP_PSFB;
        pli[3] = 2;
        RtpBytes.putU32(pli, 4, 1);
        RtpBytes.putU32(pli, 8, route.stream().ssrc());
        route.publisher().sendRtcp(pli, 0, pli.length);
    }

    /** Called on a timer by the owner: tells each publisher its bitrate budget (REMB). */
    public void tick() {
        Map<PacketSink, List<Long>> videoByPublisher = new LinkedHashMap<>();
        for (RouteTable.Route route : routes.routes()) {
            if (route.stream().kind() == StreamKind.VIDEO) {
                videoByPublisher.computeIfAbsent(route.publisher(), p -> new ArrayList<>()).add(route.stream().ssrc());
            }
        }
        videoByPublisher.forEach((publisher, ssrcs) -> {
            byte[] remb = Remb.packet(bitrateBudget, ssrcs);
            publisher.sendRtcp(remb, 0, remb.length);
        });
    }

    /** Packets received, forwarded and retransmitted per stream SSRC, for stats. */
    public Map<Long, long[]> counters() {
        Map<Long, long[]> out = new LinkedHashMap<>();
        for (RouteTable.Route route : routes.routes()) {
            RouteTable.StreamState state = route.state();
            out.put(route.stream().ssrc(), new long[] {state.received, state.forwarded, state.retransmitted});
        }
        return out;
    }

    private static final class Publisher {
        final String participant;
        final PacketSink sink;
        final List<InboundStream> streams;
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

    private record Constraints(boolean lowBandwidth) {
        static final Constraints NONE = new Constraints(false);

        boolean accepts(InboundStream stream) {
            return !lowBandwidth || stream.kind() == StreamKind.AUDIO || stream.screen();
        }
    }
}

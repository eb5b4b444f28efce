package org.parley.media.sfu;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.parley.media.rtp.NackCache;
import org.parley.media.rtp.RtpPacket;

/**
 * Where each incoming SSRC goes: an immutable snapshot, looked up by a linear scan over a
 * primitive array (a room has tens of streams; no boxing, no hashing on the packet path).
 */
final class RouteTable {

    static final RouteTable EMPTY = new RouteTable(new long[0], new Route[0], new long[0], new Route[0]);

    /**
     * What outlives route rebuilds for one published stream. Written by the one media thread that
     * receives the stream (counters, cache, scratch); the cache is read by subscribers' threads
     * answering NACKs (it is safe for that); counters are read roughly by stats.
     */
    static final class StreamState {
        /** Recently forwarded packets of a video stream, to answer retransmission requests. */
        final NackCache sent;
        /** Where a publisher's retransmission is restored to its original form. */
        final byte[] restored = new byte[Router.MAX_PACKET];
        final RtpPacket view = new RtpPacket();
        long received;
        long forwarded;
        long retransmitted;
        long keyFrameRequests;
        long lastKeyFrameRequest;

        StreamState(InboundStream stream) {
            this(stream.kind() == StreamKind.VIDEO);
        }

        /** A simulcast layer keeps no cache of its own: each receiver's {@link LayerForwarder} does. */
        StreamState(boolean cache) {
            this.sent = cache ? new NackCache(Router.NACK_CACHE_PACKETS, Router.MAX_PACKET) : null;
        }
    }

    /**
     * Where one incoming SSRC goes. A plain stream goes unchanged to {@code targets}. A simulcast layer
     * ({@code layers} not null, {@code layer} its index) goes to those of the stream's forwarders that have
     * that layer selected; the stream's own route (looked up by the SFU's SSRC, {@code layer} -1) takes the
     * receivers' RTCP.
     *
     * @param mediaSsrc the SSRC the publisher sends this stream (or layer) on: key-frame requests name it
     */
    record Route(InboundStream stream, PacketSink publisher, PacketSink[] targets, boolean paused, StreamState state,
            long mediaSsrc, SimulcastLayers layers, int layer) {

        Route(InboundStream stream, PacketSink publisher, PacketSink[] targets, boolean paused, StreamState state) {
            this(stream, publisher, targets, paused, state, stream.ssrc(), null, -1);
        }

        boolean reaches(PacketSink sink) {
            if (layers != null) {
                return layers.forwarderFor(sink) != null;
            }
            for (PacketSink target : targets) {
                if (target == sink) {
                    return true;
                }
            }
            return false;
        }
    }

    private final long[] ssrcs;
    private final Route[] routes;
    private final long[] outputSsrcs;
    private final Route[] outputRoutes;

    private RouteTable(long[] ssrcs, Route[] routes, long[] outputSsrcs, Route[] outputRoutes) {
        this.ssrcs = ssrcs;
        this.routes = routes;
        this.outputSsrcs = outputSsrcs;
        this.outputRoutes = outputRoutes;
    }

    static RouteTable of(Map<Long, Route> bySsrc) {
        return of(bySsrc, Map.of());
    }

    /**
     * @param bySsrc incoming SSRCs
     * @param byOutputSsrc simulcast streams by the SSRC receivers see them on
     */
    static RouteTable of(Map<Long, Route> bySsrc, Map<Long, Route> byOutputSsrc) {
        long[] ssrcs = new long[bySsrc.size()];
        Route[] routes = new Route[bySsrc.size()];
        int i = 0;
        for (Map.Entry<Long, Route> entry : bySsrc.entrySet()) {
            ssrcs[i] = entry.getKey();
            routes[i] = entry.getValue();
            i++;
        }
        long[] outputSsrcs = new long[byOutputSsrc.size()];
        Route[] outputRoutes = new Route[byOutputSsrc.size()];
        i = 0;
        for (Map.Entry<Long, Route> entry : byOutputSsrc.entrySet()) {
            outputSsrcs[i] = entry.getKey();
            outputRoutes[i] = entry.getValue();
            i++;
        }
        return new RouteTable(ssrcs, routes, outputSsrcs, outputRoutes);
    }

    Route find(long ssrc) {
        for (int i = 0; i < ssrcs.length; i++) {
            if (ssrcs[i] == ssrc) {
                return routes[i];
            }
        }
        return null;
    }

    /** A simulcast stream by the SSRC its receivers see (their RTCP names it). */
    Route findOutput(long ssrc) {
        for (int i = 0; i < outputSsrcs.length; i++) {
            if (outputSsrcs[i] == ssrc) {
                return outputRoutes[i];
            }
        }
        return null;
    }

    List<Route> outputRoutes() {
        return List.of(outputRoutes);
    }

    /** Each route once (an RTX SSRC shares its stream's route). */
    List<Route> routes() {
        List<Route> distinct = new ArrayList<>();
        for (Route route : routes) {
            if (!distinct.contains(route)) {
                distinct.add(route);
            }
        }
        return distinct;
    }
}

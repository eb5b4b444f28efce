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

    static final RouteTable EMPTY = new RouteTable(new long[0], new Route[0]);

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
            this.sent = stream.kind() == StreamKind.VIDEO ? new NackCache(Router.NACK_CACHE_PACKETS, Router.MAX_PACKET) : null;
        }
    }

    record Route(InboundStream stream, PacketSink publisher, PacketSink[] targets, boolean paused, StreamState state) {

        boolean reaches(PacketSink sink) {
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

    private RouteTable(long[] ssrcs, Route[] routes) {
        this.ssrcs = ssrcs;
        this.routes = routes;
    }

    static RouteTable of(Map<Long, Route> bySsrc) {
        long[] ssrcs = new long[bySsrc.size()];
        Route[] routes = new Route[bySsrc.size()];
        int i = 0;
        for (Map.Entry<Long, Route> entry : bySsrc.entrySet()) {
            ssrcs[i] = entry.getKey();
            routes[i] = entry.getValue();
            i++;
        }
        return new RouteTable(ssrcs, routes);
    }

    Route find(long ssrc) {
        for (int i = 0; i < ssrcs.length; i++) {
            if (ssrcs[i] == ssrc) {
                return routes[i];
            }
        }
        return null;
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

package org.parley.media.sfu;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where each incoming SSRC goes: an immutable snapshot, looked up by a linear scan over a
 * primitive array (a room has tens of streams; no boxing, no hashing on the packet path).
 */
final class RouteTable {

    static final RouteTable EMPTY = new RouteTable(new long[0], new Route[0]);

    /** Written by the one media thread that receives the stream; read roughly by stats. */
    static final class Counters {
        long received;
        long forwarded;
        long keyFrameRequests;
        long lastKeyFrameRequest;
    }

    record Route(InboundStream stream, PacketSink publisher, PacketSink[] targets, boolean paused, Counters counters) {}

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

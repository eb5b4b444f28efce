package org.parley.http.rest;

import java.util.List;
import org.parley.engine.media.MediaStats;

/** {@code GET /api/v1/conferences/{room}/media}: what each participant's connections carry now. */
record MediaJson(List<PeerJson> participants) {

    record PeerJson(String participantId, ConnectionJson publish, ConnectionJson subscribe, long packetsForwarded,
            long packetsRetransmitted) {}

    record ConnectionJson(boolean connected, long rtpPacketsIn, long rtpPacketsOut, long bytesIn, long bytesOut,
            long decryptFailures, long sendFailures) {

        static ConnectionJson of(MediaStats.Connection c) {
            return new ConnectionJson(c.connected(), c.rtpPacketsIn(), c.rtpPacketsOut(), c.bytesIn(), c.bytesOut(),
                    c.decryptFailures(), c.sendFailures());
        }
    }

    static MediaJson of(MediaStats stats) {
        return new MediaJson(stats.peers().stream()
                .map(p -> new PeerJson(p.participant().value(), ConnectionJson.of(p.publish()),
                        ConnectionJson.of(p.subscribe()), p.packetsForwarded(), p.packetsRetransmitted()))
                .toList());
    }
}

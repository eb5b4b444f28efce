package org.parley.engine.media;

import java.util.List;
import org.parley.engine.conference.ParticipantId;

/**
 * A room's media as of its last stats tick: per participant, what each of its two connections
 * carried, and what the router did with what it published.
 */
public record MediaStats(List<Peer> peers) {

    public record Peer(ParticipantId participant, Connection publish, Connection subscribe, long packetsForwarded,
            long packetsRetransmitted) {}

    /** One peer connection's counters; all zero when it does not exist (yet). */
    public record Connection(boolean connected, long rtpPacketsIn, long rtpPacketsOut, long bytesIn, long bytesOut,
            long decryptFailures, long sendFailures) {

        public static final Connection NONE = new Connection(false, 0, 0, 0, 0, 0, 0);
    }

    public static final MediaStats EMPTY = new MediaStats(List.of());
}

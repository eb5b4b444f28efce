package org.parley.media.sfu;

import java.util.List;

/**
 * One stream a publisher sends: its SSRC and payload type, the SSRC and payload type of its
 * retransmissions (RFC 4588; 0 when none), what it carries, and whether it is a screen share
 * (kept in low-bandwidth mode).
 *
 * <p>A simulcast stream ({@link #simulcast} not null) arrives as several layers whose SSRCs the router
 * learns from the packets; {@code ssrc} and {@code rtxSsrc} are then the SFU's own, the ones every
 * receiver sees whichever layer it gets.
 */
public record InboundStream(
        long ssrc, int payloadType, long rtxSsrc, int rtxPayloadType, StreamKind kind, boolean screen, String trackId,
        Simulcast simulcast) {

    /**
     * How to recognise the layers of a simulcast stream.
     *
     * @param rids the layers, smallest picture first when the heights are not yet known
     * @param mid the publisher's m-line the layers arrive on
     * @param midExtension the header-extension id of the mid (0 when not negotiated)
     * @param ridExtension the header-extension id of the rid
     * @param repairedRidExtension the header-extension id of the repaired rid (0 when not negotiated)
     */
    public record Simulcast(List<String> rids, String mid, int midExtension, int ridExtension, int repairedRidExtension) {
        public Simulcast {
            rids = List.copyOf(rids);
            if (rids.isEmpty() || ridExtension <= 0) {
                throw new IllegalArgumentException("simulcast needs rids and the rid header extension");
            }
        }
    }

    public InboundStream(long ssrc, int payloadType, long rtxSsrc, int rtxPayloadType, StreamKind kind, boolean screen,
            String trackId) {
        this(ssrc, payloadType, rtxSsrc, rtxPayloadType, kind, screen, trackId, null);
    }

    public boolean hasRtx() {
        return rtxSsrc != 0 && rtxPayloadType != 0;
    }

    public boolean isSimulcast() {
        return simulcast != null;
    }
}

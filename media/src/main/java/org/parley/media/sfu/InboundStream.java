package org.parley.media.sfu;

/**
 * One stream a publisher sends: its SSRC and payload type, the SSRC and payload type of its
 * retransmissions (RFC 4588; 0 when none), what it carries, and whether it is a screen share
 * (kept in low-bandwidth mode).
 */
public record InboundStream(
        long ssrc, int payloadType, long rtxSsrc, int rtxPayloadType, StreamKind kind, boolean screen, String trackId) {

    public boolean hasRtx() {
        return rtxSsrc != 0 && rtxPayloadType != 0;
    }
}

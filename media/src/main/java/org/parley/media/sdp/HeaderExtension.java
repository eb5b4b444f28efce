package org.parley.media.sdp;

import java.util.Optional;

/**
 * The RTP header extensions the SFU reads or writes. Anything else a browser offers is left out of our
 * answers, so browsers do not spend bytes on extensions nobody reads, and so the forwarder never has
 * to reason about extensions it has no code for.
 */
public enum HeaderExtension {
    /** RFC 8843: which m-line a packet belongs to, the only way to route a stream whose SSRC was never signalled. */
    MID("urn:ietf:params:rtp-hdrext:sdes:mid"),
    /** Send time for receive-side bandwidth estimation (REMB). */
    ABS_SEND_TIME("http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time"),
    /** Transport-wide sequence numbers for send-side bandwidth estimation (transport-cc feedback). */
    TRANSPORT_WIDE_CC("http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01"),
    /** RFC 6464: the speaker's level, so the SFU finds the active speaker without decoding audio. */
    AUDIO_LEVEL("urn:ietf:params:rtp-hdrext:ssrc-audio-level"),
    /** RFC 8852: which simulcast layer (rid) a packet belongs to; only accepted on simulcast sections. */
    RTP_STREAM_ID("urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id"),
    /** RFC 8852: the layer a retransmission (RTX) stream repairs; only accepted on simulcast sections. */
    REPAIRED_RTP_STREAM_ID("urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id");

    private final String uri;

    HeaderExtension(String uri) {
        this.uri = uri;
    }

    public String uri() {
        return uri;
    }

    /** Whether this extension only matters (and is only accepted) on a section sending simulcast. */
    public boolean simulcastOnly() {
        return this == RTP_STREAM_ID || this == REPAIRED_RTP_STREAM_ID;
    }

    public static Optional<HeaderExtension> fromUri(String uri) {
        for (HeaderExtension extension : values()) {
            if (extension.uri.equals(uri)) {
                return Optional.of(extension);
            }
        }
        return Optional.empty();
    }
}

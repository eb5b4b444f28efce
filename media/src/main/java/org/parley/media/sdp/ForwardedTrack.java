package org.parley.media.sdp;

import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One track the SFU forwards to a subscriber, as that subscriber's browser must see it: the m-line
 * (mid) it arrives on, the SSRCs and payload types the SFU writes into the forwarded packets, and the
 * msid that groups it. The SSRCs are the SFU's own per subscriber (it rewrites them), so they stay
 * stable when the source behind a track changes.
 *
 * @param mid take it from {@link SubscribeOffer#midForNewTrack} for a new track, keep it afterwards
 * @param streamId the publishing participant's id: the browser groups a person's audio and video by it
 *     and the SFU also uses it as the RTCP CNAME, so the browser lip-syncs that person's tracks
 * @param trackId unique per track of that participant
 */
public record ForwardedTrack(String mid, MediaKind kind, long ssrc, OptionalLong rtxSsrc, int payloadType,
        OptionalInt rtxPayloadType, String streamId, String trackId) {

    public ForwardedTrack {
        requireToken(mid, "mid");
        requireToken(streamId, "streamId");
        requireToken(trackId, "trackId");
        requireSsrc(ssrc);
        rtxSsrc.ifPresent(ForwardedTrack::requireSsrc);
        requirePayloadType(payloadType);
        rtxPayloadType.ifPresent(ForwardedTrack::requirePayloadType);
        if (rtxSsrc.isPresent() != rtxPayloadType.isPresent()) {
            throw new IllegalArgumentException("RTX needs both an SSRC and a payload type, or neither");
        }
        if (rtxSsrc.isPresent() && kind != MediaKind.VIDEO) {
            throw new IllegalArgumentException("the SFU retransmits video only; audio relies on Opus in-band FEC");
        }
        if (rtxPayloadType.isPresent() && rtxPayloadType.getAsInt() == payloadType) {
            throw new IllegalArgumentException("the RTX payload type must differ from the media payload type");
        }
    }

    public static ForwardedTrack audio(String mid, long ssrc, int payloadType, String streamId, String trackId) {
        return new ForwardedTrack(mid, MediaKind.AUDIO, ssrc, OptionalLong.empty(), payloadType, OptionalInt.empty(),
                streamId, trackId);
    }

    public static ForwardedTrack video(String mid, long ssrc, long rtxSsrc, int payloadType, int rtxPayloadType,
            String streamId, String trackId) {
        return new ForwardedTrack(mid, MediaKind.VIDEO, ssrc, OptionalLong.of(rtxSsrc), payloadType,
                OptionalInt.of(rtxPayloadType), streamId, trackId);
    }

    /** Whether this is the same track of the same publisher, whatever its SSRCs or payload types. */
    boolean sameTrackAs(ForwardedTrack other) {
        return streamId.equals(other.streamId) && trackId.equals(other.trackId);
    }

    private static void requireToken(String value, String what) {
        if (value.isEmpty() || value.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            throw new IllegalArgumentException(what + " must be a non-empty token without spaces: '" + value + "'");
        }
    }

    private static void requireSsrc(long ssrc) {
        if (ssrc < 0 || ssrc > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("SSRC out of 32-bit range: " + ssrc);
        }
    }

    /** 64..95 would collide with RTCP packet types under rtcp-mux (RFC 5761 section 4). */
    private static void requirePayloadType(int pt) {
        if (pt < 0 || pt > 127 || (pt >= 64 && pt <= 95)) {
            throw new IllegalArgumentException("payload type must be 0..63 or 96..127 with rtcp-mux: " + pt);
        }
    }
}

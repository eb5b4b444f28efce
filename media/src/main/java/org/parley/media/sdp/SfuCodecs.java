package org.parley.media.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The codecs the SFU forwards, Opus and VP8 with RTX, and the RTCP feedback it handles for each. One
 * place, so the answer to a publisher and the offer to a subscriber cannot disagree. VP8 because every
 * browser decodes it and its key frames are simple to spot; H.264, VP9 and AV1 are future work.
 */
final class SfuCodecs {

    static final String OPUS = "opus";
    static final int OPUS_CLOCK_RATE = 48000;
    static final String OPUS_FMTP = "minptime=10;useinbandfec=1";
    static final String VP8 = "VP8";
    static final String RTX = "rtx";
    static final int VIDEO_CLOCK_RATE = 90000;

    /**
     * Feedback the SFU acts on. goog-remb carries the bitrate the SFU allows each publisher (its
     * router sends REMB on a timer); transport-cc is NOT negotiated: Chrome would then estimate from
     * transport-wide feedback only, which the SFU does not send yet, and stay at its start bitrate.
     * NACK, PLI and FIR because the SFU answers retransmission requests from its packet cache and
     * asks publishers for key frames.
     */
    static final List<RtcpFeedback> AUDIO_FEEDBACK = List.of(RtcpFeedback.of(0, "nack"));
    static final List<RtcpFeedback> VIDEO_FEEDBACK = List.of(
            RtcpFeedback.of(0, "goog-remb"), RtcpFeedback.of(0, "ccm", "fir"),
            RtcpFeedback.of(0, "nack"), RtcpFeedback.of(0, "nack", "pli"));

    /** The payload types picked in one offered section: the codec and, for video, its RTX. */
    record Choice(int payloadType, OptionalInt rtxPayloadType) {
    }

    private SfuCodecs() {
    }

    /** The first acceptable codec in the offer's order of preference, with its RTX if offered. */
    static Optional<Choice> choose(MediaDescription section) {
        Optional<MediaKind> kind = section.mediaKind();
        if (kind.isEmpty()) {
            return Optional.empty();
        }
        List<Integer> offered = section.mediaLine().payloadTypes();
        String codec = kind.get() == MediaKind.AUDIO ? OPUS : VP8;
        int clockRate = kind.get() == MediaKind.AUDIO ? OPUS_CLOCK_RATE : VIDEO_CLOCK_RATE;
        for (int pt : offered) {
            if (section.rtpmap(pt).filter(r -> r.isCodec(codec, clockRate)).isPresent()) {
                OptionalInt rtx = kind.get() == MediaKind.VIDEO ? rtxFor(section, offered, pt) : OptionalInt.empty();
                return Optional.of(new Choice(pt, rtx));
            }
        }
        return Optional.empty();
    }

    private static OptionalInt rtxFor(MediaDescription section, List<Integer> offered, int payloadType) {
        for (int pt : offered) {
            boolean isRtx = section.rtpmap(pt).filter(r -> r.isCodec(RTX, VIDEO_CLOCK_RATE)).isPresent();
            if (isRtx && section.fmtp(pt).map(Fmtp::apt).equals(Optional.of(OptionalInt.of(payloadType)))) {
                return OptionalInt.of(pt);
            }
        }
        return OptionalInt.empty();
    }

    static Rtpmap rtpmap(MediaKind kind, int payloadType) {
        return kind == MediaKind.AUDIO
                ? new Rtpmap(payloadType, OPUS, OPUS_CLOCK_RATE, OptionalInt.of(2))
                : new Rtpmap(payloadType, VP8, VIDEO_CLOCK_RATE, OptionalInt.empty());
    }

    static Rtpmap rtxRtpmap(int payloadType) {
        return new Rtpmap(payloadType, RTX, VIDEO_CLOCK_RATE, OptionalInt.empty());
    }

    static Fmtp rtxFmtp(int rtxPayloadType, int payloadType) {
        return new Fmtp(rtxPayloadType, "apt=" + payloadType);
    }

    static List<RtcpFeedback> feedback(MediaKind kind, int payloadType) {
        List<RtcpFeedback> feedback = new ArrayList<>();
        for (RtcpFeedback fb : kind == MediaKind.AUDIO ? AUDIO_FEEDBACK : VIDEO_FEEDBACK) {
            feedback.add(fb.forPayloadType(payloadType));
        }
        return feedback;
    }
}

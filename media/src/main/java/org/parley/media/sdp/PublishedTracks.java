package org.parley.media.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The tracks a browser publishes, read from the offer of its publishing peer connection with the same
 * acceptance rules {@link PublishAnswer} applies: what the answer accepts is exactly what appears here.
 * The forwarder routes incoming RTP by these SSRCs (or by mid when none is signalled).
 */
public final class PublishedTracks {

    private final List<PublishedTrack> tracks;

    private PublishedTracks(List<PublishedTrack> tracks) {
        this.tracks = List.copyOf(tracks);
    }

    /** The tracks of a publishing offer; fails like {@link PublishAnswer#create} on an offer we cannot take. */
    public static PublishedTracks of(SessionDescription offer) throws SdpException {
        List<PublishedTrack> tracks = new ArrayList<>();
        for (Decision decision : decide(offer)) {
            if (decision.accepted() && decision.section().direction().sends()) {
                tracks.add(track(decision));
            }
        }
        return new PublishedTracks(tracks);
    }

    public List<PublishedTrack> all() {
        return tracks;
    }

    public Optional<PublishedTrack> byMid(String mid) {
        return tracks.stream().filter(t -> t.mid().equals(mid)).findFirst();
    }

    /** The track whose primary or RTX SSRC this is. */
    public Optional<PublishedTrack> bySsrc(long ssrc) {
        return tracks.stream().filter(t -> t.ssrc().equals(OptionalLong.of(ssrc)) || t.rtxSsrc().equals(OptionalLong.of(ssrc)))
                .findFirst();
    }

    /**
     * Whether and how the SFU takes one offered section.
     *
     * @param codec empty when the section is rejected
     */
    record Decision(MediaDescription section, String mid, Optional<SfuCodecs.Choice> codec, List<Extmap> extensions,
            List<String> rids) {

        boolean accepted() {
            return codec.isPresent();
        }
    }

    /**
     * Decides every section of a publishing offer. A section is taken when it is audio or video over an
     * RTP/SAVPF profile, is in the BUNDLE group, multiplexes RTCP, and offers Opus or VP8; otherwise it
     * is rejected and JSEP's port 0 answer follows. Offers that cannot be answered at all (no BUNDLE, a
     * section without a mid) fail.
     */
    static List<Decision> decide(SessionDescription offer) throws SdpException {
        Group bundle = offer.bundleGroup()
                .orElseThrow(() -> new SdpException("the offer has no a=group:BUNDLE: the SFU needs one transport"));
        Set<String> bundled = Set.copyOf(bundle.mids());
        List<Decision> decisions = new ArrayList<>();
        for (int i = 0; i < offer.media().size(); i++) {
            MediaDescription section = offer.media().get(i);
            int index = i;
            String mid = section.mid()
                    .orElseThrow(() -> new SdpException("m-line " + (index + 1) + " has no a=mid, which JSEP requires"));
            boolean usable = !section.isRejected() && bundled.contains(mid) && section.rtcpMux()
                    && section.mediaLine().proto().endsWith("RTP/SAVPF");
            Optional<SfuCodecs.Choice> codec = usable ? SfuCodecs.choose(section) : Optional.empty();
            List<String> rids = codec.isPresent() ? simulcastRids(section) : List.of();
            decisions.add(new Decision(section, mid, codec, acceptedExtensions(section, !rids.isEmpty()), rids));
        }
        return decisions;
    }

    /**
     * The layers of a video section that sends simulcast (RFC 8853) and names each layer with a rid
     * (RFC 8851) that it declares {@code send}, and the rid header extensions to tell them apart: the
     * first alternative of each simulcast stream, without the paused mark {@code ~}. Empty otherwise (the
     * section is then answered as a single stream).
     */
    static List<String> simulcastRids(MediaDescription section) {
        if (section.mediaKind().orElse(MediaKind.AUDIO) != MediaKind.VIDEO || section.simulcast().isEmpty()
                || !section.direction().sends()) {
            return List.of();
        }
        boolean ridExtension = section.extmaps().stream()
                .anyMatch(e -> e.uri().equals(HeaderExtension.RTP_STREAM_ID.uri()) && e.id() <= 255);
        if (!ridExtension) {
            return List.of();
        }
        Set<String> declared = new java.util.HashSet<>();
        section.rids().stream().filter(r -> r.direction().equals("send")).forEach(r -> declared.add(r.id()));
        List<String> rids = new ArrayList<>();
        for (List<String> alternatives : section.simulcast().get().send()) {
            String rid = alternatives.get(0).startsWith("~") ? alternatives.get(0).substring(1) : alternatives.get(0);
            if (declared.contains(rid) && !rids.contains(rid)) {
                rids.add(rid);
            }
        }
        return rids.size() > 1 ? rids : List.of();
    }

    private static List<Extmap> acceptedExtensions(MediaDescription section, boolean simulcast) {
        List<Extmap> accepted = new ArrayList<>();
        for (Extmap extmap : section.extmaps()) {
            // Transport-wide sequence numbers only make sense with transport-cc feedback (see SfuCodecs).
            boolean understood = HeaderExtension.fromUri(extmap.uri())
                    .filter(e -> e != HeaderExtension.TRANSPORT_WIDE_CC)
                    .filter(e -> simulcast || !e.simulcastOnly()).isPresent();
            if (understood && extmap.id() <= 255) {
                accepted.add(Extmap.of(extmap.id(), extmap.uri()));
            }
        }
        return accepted;
    }

    private static PublishedTrack track(Decision decision) {
        MediaDescription section = decision.section();
        SfuCodecs.Choice codec = decision.codec().orElseThrow();
        OptionalLong ssrc = primarySsrc(section);
        OptionalLong rtxSsrc = codec.rtxPayloadType().isPresent() && ssrc.isPresent()
                ? rtxSsrc(section, ssrc.getAsLong())
                : OptionalLong.empty();
        OptionalInt rtxPayloadType = codec.rtxPayloadType();
        return new PublishedTrack(decision.mid(), section.mediaKind().orElseThrow(), section.msid(), ssrc, rtxSsrc,
                codec.payloadType(), rtxPayloadType, decision.extensions(), decision.rids());
    }

    /** The first SSRC of a SIM or FID group, else the first announced SSRC. */
    private static OptionalLong primarySsrc(MediaDescription section) {
        for (String semantics : List.of(SsrcGroup.SIM, SsrcGroup.FID)) {
            for (SsrcGroup group : section.ssrcGroups()) {
                if (group.semantics().equals(semantics) && !group.ssrcs().isEmpty()) {
                    return OptionalLong.of(group.ssrcs().get(0));
                }
            }
        }
        List<Long> ssrcs = section.ssrcs();
        return ssrcs.isEmpty() ? OptionalLong.empty() : OptionalLong.of(ssrcs.get(0));
    }

    private static OptionalLong rtxSsrc(MediaDescription section, long primary) {
        for (SsrcGroup group : section.ssrcGroups()) {
            if (group.semantics().equals(SsrcGroup.FID) && group.ssrcs().size() == 2 && group.ssrcs().get(0) == primary) {
                return OptionalLong.of(group.ssrcs().get(1));
            }
        }
        return OptionalLong.empty();
    }
}

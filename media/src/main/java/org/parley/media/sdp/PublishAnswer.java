package org.parley.media.sdp;

import java.util.ArrayList;
import java.util.List;

/**
 * The SFU's answer to a browser's offer for its publishing peer connection, and what the SFU learns
 * from that exchange: the browser's transport and the tracks it will send.
 *
 * <p>The answer follows JSEP (RFC 8829 section 5.3.1) with the SFU's choices:
 * <ul>
 *   <li>{@code a=setup:passive}: the SFU is the DTLS server (BouncyCastle's 1.2 client fails against
 *       Chrome). An offer that insists on {@code passive} itself is refused.</li>
 *   <li>Full ICE, controlled: no {@code a=ice-lite}; every candidate is in the answer, followed by
 *       {@code a=end-of-candidates}, because the SFU does not trickle.</li>
 *   <li>The same BUNDLE group and mids in order, minus rejected sections. Candidates go in the first
 *       accepted section (the answerer's BUNDLE tag); ICE and DTLS attributes are repeated in every
 *       accepted section, as Chrome itself writes them.</li>
 *   <li>{@code recvonly} for sections the browser sends on; {@code inactive} for ones it does not (a
 *       track removed with {@code removeTrack} stays as a recvonly or inactive section).</li>
 *   <li>Opus, or VP8 with its RTX, keeping the offer's payload types and fmtp; every other codec is
 *       dropped; a section with none of them is rejected with port 0.</li>
 *   <li>RTCP feedback is the SFU's list ({@link SfuCodecs}) intersected with what the offer lists for
 *       that payload type: an answer may not introduce feedback the offerer did not offer.</li>
 *   <li>Only the header extensions of {@link HeaderExtension}, with the offer's ids.</li>
 *   <li>No {@code a=rtcp-rsize} and no {@code a=extmap-allow-mixed}: the SFU's RTCP is always compound
 *       and its header-extension rewriting only needs the one-byte form.</li>
 *   <li>Simulcast (RFC 8853): a video section that sends several rid-named layers is answered with
 *       {@code a=rid:<id> recv} for each and {@code a=simulcast:recv} in the offer's order, plus the rid
 *       and repaired-rid header extensions, so the browser sends every layer on its own SSRC, named by
 *       those extensions in its first packets. Offered rid restrictions are not repeated.</li>
 * </ul>
 */
public final class PublishAnswer {

    private final SessionDescription description;
    private final RemoteTransport remoteTransport;
    private final PublishedTracks tracks;

    private PublishAnswer(SessionDescription description, RemoteTransport remoteTransport, PublishedTracks tracks) {
        this.description = description;
        this.remoteTransport = remoteTransport;
        this.tracks = tracks;
    }

    /**
     * Answers a publishing offer.
     *
     * @param sessionId stays the same for the life of the peer connection
     * @param sessionVersion grows with every answer on this peer connection
     * @throws SdpException when the offer cannot be answered: no BUNDLE group, a section without a mid,
     *     missing ICE credentials or fingerprint, or an offer that makes the SFU the DTLS client
     */
    public static PublishAnswer create(SessionDescription offer, LocalTransport local, long sessionId,
            long sessionVersion) throws SdpException {
        List<PublishedTracks.Decision> decisions = PublishedTracks.decide(offer);
        RemoteTransport remote = offer.bundleTransport();
        if (remote.setup() == Setup.PASSIVE || remote.setup() == Setup.HOLDCONN) {
            throw new SdpException("the offer has a=setup:" + remote.setup().attributeValue()
                    + ", but the SFU is always the DTLS server (it answers passive)");
        }
        List<String> acceptedMids = decisions.stream().filter(PublishedTracks.Decision::accepted)
                .map(PublishedTracks.Decision::mid).toList();
        SessionDescription.Builder answer = SessionDescription.builder(Origin.of(sessionId, sessionVersion));
        if (!acceptedMids.isEmpty()) {
            answer.add(Group.bundle(acceptedMids));
        }
        for (PublishedTracks.Decision decision : decisions) {
            boolean bundleTag = !acceptedMids.isEmpty() && decision.mid().equals(acceptedMids.get(0));
            answer.media(decision.accepted() ? accepted(decision, local, bundleTag) : rejected(decision));
        }
        return new PublishAnswer(answer.build(), remote, PublishedTracks.of(offer));
    }

    /** The answer to send to the browser. */
    public SessionDescription description() {
        return description;
    }

    /** The browser's ICE credentials, certificate fingerprint and candidates, from its offer. */
    public RemoteTransport remoteTransport() {
        return remoteTransport;
    }

    public PublishedTracks tracks() {
        return tracks;
    }

    private static MediaDescription accepted(PublishedTracks.Decision decision, LocalTransport local, boolean bundleTag) {
        MediaDescription offered = decision.section();
        MediaKind kind = offered.mediaKind().orElseThrow();
        SfuCodecs.Choice codec = decision.codec().orElseThrow();
        List<Integer> payloadTypes = new ArrayList<>(List.of(codec.payloadType()));
        codec.rtxPayloadType().ifPresent(payloadTypes::add);
        MediaDescription.Builder section = MediaDescription.builder(MediaLine.rtp(kind,
                TransportLines.port(local, bundleTag), offered.mediaLine().proto(), payloadTypes));
        TransportLines.write(section, local, bundleTag, Setup.PASSIVE);
        section.attribute("mid", decision.mid());
        section.addAll(decision.extensions());
        section.add(offered.direction().sends() ? Direction.RECVONLY : Direction.INACTIVE);
        section.flag("rtcp-mux");
        section.add(offered.rtpmap(codec.payloadType()).orElseThrow());
        List<RtcpFeedback> offeredFeedback = offered.rtcpFeedback(codec.payloadType());
        for (RtcpFeedback wanted : SfuCodecs.feedback(kind, codec.payloadType())) {
            if (offeredFeedback.stream().anyMatch(wanted::sameKindAs)) {
                section.add(wanted);
            }
        }
        offered.fmtp(codec.payloadType()).ifPresent(section::add);
        codec.rtxPayloadType().ifPresent(rtx -> section.add(SfuCodecs.rtxRtpmap(rtx))
                .add(SfuCodecs.rtxFmtp(rtx, codec.payloadType())));
        if (!decision.rids().isEmpty() && offered.direction().sends()) {
            for (String rid : decision.rids()) {
                section.add(new Rid(rid, "recv", java.util.Optional.empty()));
            }
            section.add(new Simulcast(List.of(), decision.rids().stream().map(List::of).toList()));
        }
        return section.build();
    }

    /** JSEP's rejected section: port 0, one of the offered formats, the mid so the browser can match it. */
    private static MediaDescription rejected(PublishedTracks.Decision decision) {
        MediaLine offered = decision.section().mediaLine();
        MediaLine line = new MediaLine(offered.kind(), 0, 1, offered.proto(), List.of(offered.formats().get(0)));
        return MediaDescription.builder(line)
                .line(new SdpLine('c', TransportLines.NO_ADDRESS))
                .attribute("mid", decision.mid())
                .build();
    }
}

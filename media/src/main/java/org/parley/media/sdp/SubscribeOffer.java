package org.parley.media.sdp;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The SFU's offer for a participant's subscribing peer connection: one m-line per forwarded track,
 * renegotiated whenever the set of forwarded tracks changes. Immutable; each renegotiation is
 * {@link #next} of the previous offer, because JSEP requires every later offer to keep the earlier
 * m-lines in place, so the previous offer is the state the next one is built from.
 *
 * <p><b>Removed tracks: their m-line goes idle and is recycled.</b> When a track stops being forwarded
 * its m-line stays, {@code a=inactive}, port and mid unchanged, still in the BUNDLE group. A later track
 * of the same kind takes the lowest idle m-line of its kind ({@link #midForNewTrack}). The alternative,
 * rejecting the section with port 0, was not chosen because a rejected section can only be reused under
 * a new mid (JSEP 5.2.2) and its browser transceiver is stopped for good, so every join and leave in a
 * long meeting would add a dead m-line to every later offer. With recycling an offer never has more
 * m-lines than the most tracks of each kind forwarded at once, and a mid always names the same
 * transceiver on both sides. A slot must be idle in one negotiated offer before it carries another
 * track: the inactive step is what makes the browser end the old remote track and fire a fresh
 * {@code track} event, with the new msid's stream, for the new one. (Chrome reuses the receiver's
 * {@code MediaStreamTrack} across those events, object and id: the client must key on the event's
 * mid and stream, never on {@code track.id}.) The BUNDLE-tagged first m-line is never rejected either,
 * so the transport never moves. All of this was checked against Chromium 156, see
 * {@code src/test/resources/sdp/README.md}.
 *
 * <p>Other choices: {@code a=setup:actpass} (the browser answers {@code active}, so the SFU stays the
 * DTLS server); as the offerer the SFU is the ICE controlling side on this peer connection; the audio
 * and video of one publisher share an RTCP CNAME (their stream id) so the browser lip-syncs them.
 */
public final class SubscribeOffer {

    /** The header extensions the SFU writes into forwarded packets, with the ids it offers for them. */
    static final List<Extmap> EXTENSIONS = List.of(Extmap.of(2, HeaderExtension.ABS_SEND_TIME.uri()));

    private static final String PROTO = "UDP/TLS/RTP/SAVPF";

    private final long sessionId;
    private final long sessionVersion;
    private final LocalTransport transport;
    private final List<Slot> slots;
    private final SessionDescription description;

    /** One m-line: live while it carries a track, idle (inactive) otherwise; it keeps its payload types. */
    private record Slot(String mid, MediaKind kind, Optional<ForwardedTrack> track, int payloadType,
            OptionalInt rtxPayloadType) {

        static Slot live(ForwardedTrack track) {
            return new Slot(track.mid(), track.kind(), Optional.of(track), track.payloadType(), track.rtxPayloadType());
        }

        Slot idle() {
            return new Slot(mid, kind, Optional.empty(), payloadType, rtxPayloadType);
        }
    }

    private SubscribeOffer(long sessionId, long sessionVersion, LocalTransport transport, List<Slot> slots) {
        this.sessionId = sessionId;
        this.sessionVersion = sessionVersion;
        this.transport = transport;
        this.slots = List.copyOf(slots);
        checkPayloadTypesAgree(this.slots);
        this.description = render();
    }

    /** The first offer of a subscribing peer connection. */
    public static SubscribeOffer initial(long sessionId, long sessionVersion, LocalTransport transport,
            List<ForwardedTrack> tracks) {
        return new SubscribeOffer(sessionId, sessionVersion, transport, List.of()).withTracks(sessionVersion, tracks);
    }

    /**
     * The renegotiation after this offer was answered: {@code tracks} is the complete new set. Tracks
     * on known mids stay in place, known mids missing from the set go idle, new mids are appended.
     *
     * @throws IllegalArgumentException for a duplicate mid, a mid whose kind changes, a mid that
     *     carried another track in this offer (it must be idle first), or a payload type that would
     *     mean two codecs in the BUNDLE group
     */
    public SubscribeOffer next(List<ForwardedTrack> tracks) {
        return withTracks(sessionVersion + 1, tracks);
    }

    /** The mid to give a new track: the lowest idle m-line of its kind, else a fresh one. */
    public String midForNewTrack(MediaKind kind) {
        return midForNewTrack(kind, Set.of());
    }

    /**
     * The mid to give a new track when other new tracks of this renegotiation already have theirs
     * ({@code alreadyChosen}): two new video tracks must not both take the same idle m-line.
     */
    public String midForNewTrack(MediaKind kind, Collection<String> alreadyChosen) {
        for (Slot slot : slots) {
            if (slot.kind() == kind && slot.track().isEmpty() && !alreadyChosen.contains(slot.mid())) {
                return slot.mid();
            }
        }
        Set<String> used = new HashSet<>(alreadyChosen);
        slots.forEach(slot -> used.add(slot.mid()));
        int candidate = slots.size();
        while (used.contains(String.valueOf(candidate))) {
            candidate++;
        }
        return String.valueOf(candidate);
    }

    public SessionDescription description() {
        return description;
    }

    public long sessionVersion() {
        return sessionVersion;
    }

    /** The tracks this offer carries, in m-line order. */
    public List<ForwardedTrack> tracks() {
        return slots.stream().flatMap(slot -> slot.track().stream()).toList();
    }

    /**
     * Checks the browser's answer against this offer and returns the browser's transport. The answer
     * must keep every m-line and mid in order, bundle them all, receive every live track with its
     * payload type, leave idle m-lines inactive, and take the DTLS client role.
     */
    public RemoteTransport acceptAnswer(SessionDescription answer) throws SdpException {
        if (answer.media().size() != slots.size()) {
            throw new SdpException("the answer has " + answer.media().size() + " m-lines, the offer " + slots.size());
        }
        for (int i = 0; i < slots.size(); i++) {
            checkAnsweredSection(slots.get(i), answer.media().get(i), i + 1);
        }
        List<String> bundled = answer.bundleGroup().map(Group::mids).orElse(List.of());
        if (!slots.isEmpty() && !Set.copyOf(bundled).equals(Set.copyOf(mids()))) {
            throw new SdpException("the answer bundles " + bundled + ", the offer " + mids());
        }
        if (slots.isEmpty()) {
            throw new SdpException("an offer without m-lines has no transport to answer");
        }
        RemoteTransport remote = answer.bundleTransport();
        if (remote.setup() != Setup.ACTIVE) {
            throw new SdpException("the answer has a=setup:" + remote.setup().attributeValue()
                    + "; the SFU is the DTLS server, so the browser must be active");
        }
        return remote;
    }

    private static void checkAnsweredSection(Slot slot, MediaDescription answered, int position) throws SdpException {
        String where = "m-line " + position + " (mid " + slot.mid() + ")";
        if (!answered.mid().equals(Optional.of(slot.mid()))) {
            throw new SdpException(where + ": the answer has mid " + answered.mid().orElse("<none>"));
        }
        if (answered.isRejected()) {
            throw new SdpException(where + ": the browser rejected it");
        }
        Direction expected = slot.track().isPresent() ? Direction.RECVONLY : Direction.INACTIVE;
        if (answered.direction() != expected) {
            throw new SdpException(where + ": the answer says " + answered.direction().attributeName() + ", expected "
                    + expected.attributeName());
        }
        if (slot.track().isPresent() && !answered.mediaLine().payloadTypes().contains(slot.payloadType())) {
            throw new SdpException(where + ": the answer does not accept payload type " + slot.payloadType());
        }
    }

    private SubscribeOffer withTracks(long version, List<ForwardedTrack> tracks) {
        Map<String, ForwardedTrack> byMid = new HashMap<>();
        for (ForwardedTrack track : tracks) {
            if (byMid.put(track.mid(), track) != null) {
                throw new IllegalArgumentException("two tracks on mid " + track.mid());
            }
        }
        List<Slot> next = new ArrayList<>();
        for (Slot slot : slots) {
            ForwardedTrack track = byMid.remove(slot.mid());
            if (track == null) {
                next.add(slot.idle());
                continue;
            }
            if (track.kind() != slot.kind()) {
                throw new IllegalArgumentException("mid " + slot.mid() + " is " + slot.kind() + ", cannot carry "
                        + track.kind());
            }
            if (slot.track().isPresent() && !slot.track().get().sameTrackAs(track)) {
                throw new IllegalArgumentException("mid " + slot.mid() + " carries " + slot.track().get().trackId()
                        + " in this offer; it must be idle for one negotiation before it carries " + track.trackId());
            }
            next.add(Slot.live(track));
        }
        for (ForwardedTrack track : tracks) {
            if (byMid.containsKey(track.mid())) {
                next.add(Slot.live(track));
            }
        }
        return new SubscribeOffer(sessionId, version, transport, next);
    }

    /** RFC 8843: within a BUNDLE group a payload type must mean the same codec in every m-line. */
    private static void checkPayloadTypesAgree(List<Slot> slots) {
        Map<Integer, String> meaning = new HashMap<>();
        for (Slot slot : slots) {
            agree(meaning, slot.payloadType(), slot.kind().name(), slot.mid());
            slot.rtxPayloadType().ifPresent(rtx -> agree(meaning, rtx, "RTX of " + slot.payloadType(), slot.mid()));
        }
    }

    private static void agree(Map<Integer, String> meaning, int payloadType, String codec, String mid) {
        String earlier = meaning.putIfAbsent(payloadType, codec);
        if (earlier != null && !earlier.equals(codec)) {
            throw new IllegalArgumentException("payload type " + payloadType + " is " + earlier + " elsewhere but "
                    + codec + " on mid " + mid);
        }
    }

    private List<String> mids() {
        return slots.stream().map(Slot::mid).toList();
    }

    private SessionDescription render() {
        SessionDescription.Builder offer = SessionDescription.builder(Origin.of(sessionId, sessionVersion));
        // Our ICE agent is always the controlled side and answers the browser's checks on the shared
        // port; as the offerer we would be controlling. Declaring ice-lite makes the browser control
        // and nominate on this connection too, as it does on the publish one.
        offer.flag("ice-lite");
        if (!slots.isEmpty()) {
            offer.add(Group.bundle(mids()));
        }
        for (int i = 0; i < slots.size(); i++) {
            offer.media(section(slots.get(i), i == 0));
        }
        return offer.build();
    }

    private MediaDescription section(Slot slot, boolean bundleTag) {
        List<Integer> payloadTypes = new ArrayList<>(List.of(slot.payloadType()));
        slot.rtxPayloadType().ifPresent(payloadTypes::add);
        MediaDescription.Builder section = MediaDescription.builder(
                MediaLine.rtp(slot.kind(), TransportLines.port(transport, bundleTag), PROTO, payloadTypes));
        TransportLines.write(section, transport, bundleTag, Setup.ACTPASS);
        section.attribute("mid", slot.mid());
        section.addAll(EXTENSIONS);
        slot.track().ifPresentOrElse(
                track -> section.add(Direction.SENDONLY).add(Msid.of(track.streamId(), track.trackId())),
                () -> section.add(Direction.INACTIVE));
        section.flag("rtcp-mux");
        section.add(SfuCodecs.rtpmap(slot.kind(), slot.payloadType()));
        section.addAll(SfuCodecs.feedback(slot.kind(), slot.payloadType()));
        if (slot.kind() == MediaKind.AUDIO) {
            section.add(new Fmtp(slot.payloadType(), SfuCodecs.OPUS_FMTP));
        }
        slot.rtxPayloadType().ifPresent(rtx -> section.add(SfuCodecs.rtxRtpmap(rtx))
                .add(SfuCodecs.rtxFmtp(rtx, slot.payloadType())));
        slot.track().ifPresent(track -> ssrcLines(section, track));
        return section.build();
    }

    private static void ssrcLines(MediaDescription.Builder section, ForwardedTrack track) {
        String cname = track.streamId();
        track.rtxSsrc().ifPresent(rtx -> section.add(new SsrcGroup(SsrcGroup.FID, List.of(track.ssrc(), rtx))));
        section.add(SsrcAttribute.of(track.ssrc(), "cname", cname));
        track.rtxSsrc().ifPresent(rtx -> section.add(SsrcAttribute.of(rtx, "cname", cname)));
    }
}

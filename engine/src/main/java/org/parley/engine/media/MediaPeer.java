package org.parley.engine.media;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorRef;
import org.parley.engine.conference.ParticipantId;
import org.parley.media.sdp.Candidate;
import org.parley.media.sdp.Fingerprint;
import org.parley.media.sdp.HeaderExtension;
import org.parley.media.sdp.LocalTransport;
import org.parley.media.sdp.MediaKind;
import org.parley.media.sdp.PublishAnswer;
import org.parley.media.sdp.RemoteTransport;
import org.parley.media.sdp.SdpException;
import org.parley.media.sdp.SessionDescription;
import org.parley.media.sdp.SubscribeOffer;
import org.parley.media.sfu.InboundStream;
import org.parley.media.sfu.PacketSink;
import org.parley.media.sfu.Router;
import org.parley.media.sfu.StreamKind;
import org.parley.media.sfu.Subscription;
import org.parley.media.transport.Endpoint;
import org.parley.media.transport.EndpointListener;
import org.parley.media.transport.PacketHandler;
import org.parley.media.transport.TransportServer;

/**
 * One participant's two peer connections, owned and driven by its {@link MediaRoom} (never used
 * from another thread): the publish connection the browser offers, and the subscribe connection
 * the server offers, renegotiated one offer at a time as the room's tracks change.
 */
final class MediaPeer {

    /** A published track, as other participants' subscribe offers need it. */
    record Stream(ParticipantId from, org.parley.media.sdp.PublishedTrack track, MediaSource source) {
        String key() {
            return from.value() + "/" + track.mid();
        }
    }

    interface Listeners {
        EndpointListener listener(ParticipantId participant, ConnectionKind connection, String endpointId);
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ParticipantId id;
    private final TransportServer transports;
    private final Router router;
    private final Listeners listeners;
    private final long publishSessionId = RANDOM.nextLong() & Long.MAX_VALUE;
    private final long subscribeSessionId = RANDOM.nextLong() & Long.MAX_VALUE;
    private int generation;

    private ActorRef<MediaSignal> signals;
    private Endpoint publishEndpoint;
    private String publishRemoteUfrag;
    private long publishVersion;
    private List<Stream> published = List.of();

    private Endpoint subscribeEndpoint;
    private boolean subscribeStarted;
    private SubscribeOffer offered;
    private boolean awaitingAnswer;
    /** Which of our m-lines carries which published track (by {@link Stream#key()}). */
    private final Map<String, String> midByStream = new HashMap<>();
    /**
     * The SSRCs (media, RTX) receivers see for each simulcast track this participant publishes, by its
     * publish mid: the SFU's own, since each layer has its own SSRC, and kept for the participant's
     * stay so renegotiations do not change what receivers already know.
     */
    private final Map<String, long[]> simulcastSsrcs = new HashMap<>();

    MediaPeer(ParticipantId id, TransportServer transports, Router router, Listeners listeners) {
        this.id = id;
        this.transports = transports;
        this.router = router;
        this.listeners = listeners;
    }

    void signalTo(ActorRef<MediaSignal> signals) {
        this.signals = signals;
    }

    boolean owns(String endpointId) {
        return publishEndpoint != null && publishEndpoint.id().equals(endpointId)
                || subscribeEndpoint != null && subscribeEndpoint.id().equals(endpointId);
    }

    /** Answers the browser's publish offer and tells the router what this participant sends. */
    String publish(SessionDescription offer, List<PublishedTrack> sources) throws SdpException {
        RemoteTransport remote = offer.bundleTransport();
        if (publishEndpoint != null && !remote.ufrag().equals(publishRemoteUfrag)) {
            // An ICE restart: the browser starts over on a fresh transport.
            publishEndpoint.close();
            publishEndpoint = null;
        }
        boolean fresh = publishEndpoint == null;
        if (fresh && subscribeEndpoint != null) {
            // A browser that starts its publish connection over (after a failure, or on resuming)
            // has dropped its subscribe connection too: start that one over with a first offer.
            resetSubscribe();
        }
        if (fresh) {
            String publisher = id.value();
            publishEndpoint = endpoint(ConnectionKind.PUBLISH);
            publishEndpoint.setPacketHandler(new PacketHandler() {
                @Override
                public void onRtp(byte[] buf, int off, int len) {
                    router.onPublisherRtp(publisher, buf, off, len);
                }

                @Override
                public void onRtcp(byte[] buf, int off, int len) {
                    router.onPublisherRtcp(buf, off, len);
                }
            });
        }
        PublishAnswer answer = PublishAnswer.create(offer, localTransport(publishEndpoint), publishSessionId, ++publishVersion);
        if (fresh) {
            publishRemoteUfrag = remote.ufrag();
            publishEndpoint.start(remote.ufrag(), remote.pwd(), remote.fingerprint().algorithm(), remote.fingerprint().hex());
        }
        Map<String, MediaSource> sourceByMid = new HashMap<>();
        sources.forEach(s -> sourceByMid.put(s.mid(), s.source()));
        List<Stream> streams = new ArrayList<>();
        List<InboundStream> inbound = new ArrayList<>();
        for (org.parley.media.sdp.PublishedTrack offered : answer.tracks().all()) {
            MediaSource source = sourceByMid.get(offered.mid());
            if (source == null) {
                continue; // an m-line the browser no longer uses (a stopped screen share waits, inactive, for the next one)
            }
            org.parley.media.sdp.PublishedTrack track = offered.simulcast() ? withSfuSsrcs(offered) : offered;
            if (track.ssrc().isEmpty()) {
                continue; // nothing to route by: no SSRC signalled and no simulcast rids
            }
            streams.add(new Stream(id, track, source));
            inbound.add(new InboundStream(track.ssrc().getAsLong(), track.payloadType(), track.rtxSsrc().orElse(0),
                    track.rtxPayloadType().orElse(0), track.kind() == MediaKind.AUDIO ? StreamKind.AUDIO : StreamKind.VIDEO,
                    source == MediaSource.SCREEN, id.value() + "/" + track.mid(), simulcast(track)));
        }
        published = List.copyOf(streams);
        router.publish(id.value(), sink(publishEndpoint), inbound);
        return answer.description().toString();
    }

    /** The simulcast track as receivers see it: one stream on the SFU's SSRCs. */
    private org.parley.media.sdp.PublishedTrack withSfuSsrcs(org.parley.media.sdp.PublishedTrack track) {
        long[] ssrcs = simulcastSsrcs.computeIfAbsent(track.mid(), mid -> new long[] {randomSsrc(), randomSsrc()});
        boolean rtx = track.rtxPayloadType().isPresent();
        return new org.parley.media.sdp.PublishedTrack(track.mid(), track.kind(), track.msid(),
                java.util.OptionalLong.of(ssrcs[0]), rtx ? java.util.OptionalLong.of(ssrcs[1]) : java.util.OptionalLong.empty(),
                track.payloadType(), track.rtxPayloadType(), track.headerExtensions(), track.rids());
    }

    private static InboundStream.Simulcast simulcast(org.parley.media.sdp.PublishedTrack track) {
        if (!track.simulcast()) {
            return null;
        }
        return new InboundStream.Simulcast(track.rids(), track.mid(),
                track.extensionId(HeaderExtension.MID).orElse(0),
                track.extensionId(HeaderExtension.RTP_STREAM_ID).orElseThrow(),
                track.extensionId(HeaderExtension.REPAIRED_RTP_STREAM_ID).orElse(0));
    }

    private static long randomSsrc() {
        return 1 + RANDOM.nextInt(Integer.MAX_VALUE - 1);
    }

    /** What this participant's connections carried, and what the router did with its streams. */
    MediaStats.Peer stats(Map<Long, long[]> routerCountersBySsrc) {
        long forwarded = 0;
        long retransmitted = 0;
        for (Stream stream : published) {
            long[] counters = routerCountersBySsrc.get(stream.track().ssrc().orElse(-1));
            if (counters != null) {
                forwarded += counters[1];
                retransmitted += counters[2];
            }
        }
        return new MediaStats.Peer(id, connection(publishEndpoint), connection(subscribeEndpoint), forwarded, retransmitted);
    }

    private static MediaStats.Connection connection(Endpoint endpoint) {
        if (endpoint == null) {
            return MediaStats.Connection.NONE;
        }
        var s = endpoint.stats();
        return new MediaStats.Connection(endpoint.isConnected(), s.rtpPacketsIn(), s.rtpPacketsOut(), s.bytesIn(),
                s.bytesOut(), s.decryptFailures(), s.sendFailures());
    }

    List<Stream> publishedStreams() {
        return published;
    }

    /**
     * Offers the browser everyone else's tracks, if that set changed and no offer is out (JSEP
     * allows one at a time; a change during one is offered when its answer comes back).
     */
    void renegotiate(List<Stream> everyone) {
        if (signals == null || awaitingAnswer) {
            return;
        }
        List<Stream> wanted = everyone.stream().filter(s -> !s.from().equals(id)).toList();
        if (offered == null && wanted.isEmpty()) {
            return; // alone in the room: nothing to receive yet
        }
        ensureSubscribeEndpoint();
        List<org.parley.media.sdp.ForwardedTrack> tracks = assignMids(wanted);
        if (offered != null && sameTracks(offered.tracks(), tracks)) {
            return;
        }
        offered = offered == null
                ? SubscribeOffer.initial(subscribeSessionId, 1, localTransport(subscribeEndpoint), tracks)
                : offered.next(tracks);
        awaitingAnswer = true;
        List<ForwardedTrack> described = new ArrayList<>();
        for (Stream stream : wanted) {
            described.add(new ForwardedTrack(midByStream.get(stream.key()), stream.source(), stream.from()));
        }
        signals.tell(new MediaSignal.SubscribeOffer(offered.description().toString(), offered.sessionVersion(), described));
    }

    void acceptSubscribeAnswer(SessionDescription answer, long version) throws SdpException {
        if (offered == null || version != offered.sessionVersion()) {
            throw new IllegalStateException("this answers offer version " + version + ", the latest is "
                    + (offered == null ? "none" : offered.sessionVersion()));
        }
        RemoteTransport remote = offered.acceptAnswer(answer);
        awaitingAnswer = false;
        if (!subscribeStarted) {
            subscribeStarted = true;
            subscribeEndpoint.start(remote.ufrag(), remote.pwd(), remote.fingerprint().algorithm(), remote.fingerprint().hex());
        }
    }

    void addRemoteCandidate(ConnectionKind connection, String candidate) {
        Endpoint endpoint = connection == ConnectionKind.PUBLISH ? publishEndpoint : subscribeEndpoint;
        if (endpoint != null) {
            endpoint.addRemoteCandidate(candidate);
        }
    }

    void close() {
        if (publishEndpoint != null) {
            publishEndpoint.close();
        }
        if (subscribeEndpoint != null) {
            subscribeEndpoint.close();
        }
    }

    private void resetSubscribe() {
        router.unsubscribe(id.value());
        subscribeEndpoint.close();
        subscribeEndpoint = null;
        subscribeStarted = false;
        offered = null;
        awaitingAnswer = false;
        midByStream.clear();
    }

    private void ensureSubscribeEndpoint() {
        if (subscribeEndpoint != null) {
            return;
        }
        subscribeEndpoint = endpoint(ConnectionKind.SUBSCRIBE);
        Subscription subscription = router.subscribe(id.value(), sink(subscribeEndpoint));
        subscribeEndpoint.setPacketHandler(new PacketHandler() {
            @Override
            public void onRtp(byte[] buf, int off, int len) {
                // a subscribe connection carries no media from the browser
            }

            @Override
            public void onRtcp(byte[] buf, int off, int len) {
                subscription.onRtcp(buf, off, len);
            }
        });
    }

    /**
     * Keeps every track on the m-line it already has; a new track takes an m-line that was idle in
     * the last offer (never one freed in this round: the browser must see it idle first), else a new one.
     */
    private List<org.parley.media.sdp.ForwardedTrack> assignMids(List<Stream> wanted) {
        Set<String> wantedKeys = new HashSet<>();
        wanted.forEach(s -> wantedKeys.add(s.key()));
        Set<String> liveBefore = new HashSet<>();
        if (offered != null) {
            offered.tracks().forEach(t -> liveBefore.add(t.mid()));
        }
        midByStream.keySet().retainAll(wantedKeys);
        Set<String> taken = new HashSet<>(midByStream.values());
        List<String> idle = idleMids();
        List<org.parley.media.sdp.ForwardedTrack> tracks = new ArrayList<>();
        for (Stream stream : wanted) {
            String mid = midByStream.get(stream.key());
            if (mid == null) {
                mid = idle.stream()
                        .filter(m -> !taken.contains(m) && kindOf(m).map(k -> k == stream.track().kind()).orElse(false))
                        .findFirst()
                        .orElseGet(() -> freshMid(taken, liveBefore));
                midByStream.put(stream.key(), mid);
                taken.add(mid);
            }
            tracks.add(forwarded(mid, stream));
        }
        return tracks;
    }

    private List<String> idleMids() {
        if (offered == null) {
            return List.of();
        }
        Set<String> live = new HashSet<>();
        offered.tracks().forEach(t -> live.add(t.mid()));
        return offered.description().media().stream()
                .map(m -> m.mid().orElse(""))
                .filter(m -> !m.isEmpty() && !live.contains(m))
                .toList();
    }

    private Optional<MediaKind> kindOf(String mid) {
        return offered.description().media().stream()
                .filter(m -> m.mid().map(mid::equals).orElse(false))
                .flatMap(m -> m.mediaKind().stream())
                .findFirst();
    }

    private String freshMid(Set<String> taken, Set<String> liveBefore) {
        Set<String> used = new HashSet<>(taken);
        used.addAll(liveBefore);
        if (offered != null) {
            offered.description().media().forEach(m -> m.mid().ifPresent(used::add));
        }
        int candidate = 0;
        while (used.contains(String.valueOf(candidate))) {
            candidate++;
        }
        return String.valueOf(candidate);
    }

    private static org.parley.media.sdp.ForwardedTrack forwarded(String mid, Stream stream) {
        org.parley.media.sdp.PublishedTrack track = stream.track();
        String trackId = stream.source().name().toLowerCase() + "-" + track.mid();
        if (track.kind() == MediaKind.AUDIO || track.rtxSsrc().isEmpty() || track.rtxPayloadType().isEmpty()) {
            return new org.parley.media.sdp.ForwardedTrack(mid, track.kind(), track.ssrc().getAsLong(),
                    java.util.OptionalLong.empty(), track.payloadType(), java.util.OptionalInt.empty(),
                    stream.from().value(), trackId);
        }
        return org.parley.media.sdp.ForwardedTrack.video(mid, track.ssrc().getAsLong(), track.rtxSsrc().getAsLong(),
                track.payloadType(), track.rtxPayloadType().getAsInt(), stream.from().value(), trackId);
    }

    private static boolean sameTracks(List<org.parley.media.sdp.ForwardedTrack> a, List<org.parley.media.sdp.ForwardedTrack> b) {
        return new HashSet<>(a).equals(new HashSet<>(b));
    }

    private Endpoint endpoint(ConnectionKind connection) {
        String endpointId = id.value() + "-" + connection.name().toLowerCase() + "-" + (++generation);
        return transports.createEndpoint(endpointId, listeners.listener(id, connection, endpointId));
    }

    private static LocalTransport localTransport(Endpoint endpoint) {
        List<Candidate> candidates = new ArrayList<>();
        for (String line : endpoint.localCandidates()) {
            try {
                candidates.add(Candidate.parse(line.startsWith("candidate:") ? line.substring("candidate:".length()) : line));
            } catch (SdpException e) {
                throw new IllegalStateException("our own ICE candidate does not parse: " + line, e);
            }
        }
        return new LocalTransport(endpoint.localUfrag(), endpoint.localPassword(),
                new Fingerprint(endpoint.fingerprintAlgorithm(), endpoint.fingerprint()), candidates);
    }

    private static PacketSink sink(Endpoint endpoint) {
        return new PacketSink() {
            @Override
            public void sendRtp(byte[] buffer, int offset, int length) {
                endpoint.sendRtp(buffer, offset, length);
            }

            @Override
            public void sendRtcp(byte[] buffer, int offset, int length) {
                endpoint.sendRtcp(buffer, offset, length);
            }
        };
    }
}

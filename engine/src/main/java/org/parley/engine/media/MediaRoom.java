package org.parley.engine.media;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.pattern.StatusReply;
import org.parley.engine.conference.ParticipantId;
import org.parley.engine.conference.RoomName;
import org.parley.media.sdp.SdpException;
import org.parley.media.sdp.SessionDescription;
import org.parley.media.sfu.Router;
import org.parley.media.transport.EndpointListener;
import org.parley.media.transport.TransportServer;

/**
 * The media of one room on this node. It owns the room's {@link Router} configuration and each
 * participant's two peer connections ({@link MediaPeer}): it negotiates them, tells the router who
 * publishes what and who receives what, and renegotiates everyone's subscriptions when tracks come
 * and go. One actor per room rather than per participant: every change is room-wide (a new publisher
 * changes every subscriber's offer), so per-participant actors would all funnel through here anyway.
 * Packets never come here: the transports hand them to the router on media threads.
 */
public final class MediaRoom extends AbstractBehavior<MediaRoom.Command> {

    /** How the room reaches its surroundings; in tests, fakes. */
    public interface Factory {
        Behavior<Command> create(RoomName room);
    }

    /** What a room does when a participant's browser vanishes (consent lost): they leave the conference. */
    public interface Departures {
        void connectionLost(ParticipantId participant);
    }

    public sealed interface Command {}

    record FromEdge(MediaRooms.Command command) implements Command {}

    private record Connected(ParticipantId participant, ConnectionKind connection) implements Command {}

    private record Failed(ParticipantId participant, ConnectionKind connection, String endpointId, String reason)
            implements Command {}

    private enum Tick implements Command {
        INSTANCE
    }

    private static final Duration TICK = Duration.ofMillis(500);
    /** Stats are read every this many ticks: cheap, and fresh enough for people and operators. */
    private static final int TICKS_PER_STATS = 4;

    private int ticks;
    private MediaStats stats = MediaStats.EMPTY;

    private final RoomName room;
    private final TransportServer transports;
    private final Router router;
    private final Departures departures;
    private final Map<ParticipantId, MediaPeer> peers = new LinkedHashMap<>();

    public static Factory factory(TransportServer transports, long bitrateBudget, Departures departures) {
        return room -> Behaviors.setup(context -> Behaviors.withTimers(timers -> {
            timers.startTimerWithFixedDelay(Tick.INSTANCE, TICK);
            return new MediaRoom(context, room, transports, new Router(System::nanoTime, bitrateBudget), departures);
        }));
    }

    private MediaRoom(ActorContext<Command> context, RoomName room, TransportServer transports, Router router,
            Departures departures) {
        super(context);
        this.room = room;
        this.transports = transports;
        this.router = router;
        this.departures = departures;
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(FromEdge.class, m -> onEdge(m.command()))
                .onMessage(Connected.class, this::onConnected)
                .onMessage(Failed.class, this::onFailed)
                .onMessageEquals(Tick.INSTANCE, this::onTick)
                .build();
    }

    private Behavior<Command> onEdge(MediaRooms.Command command) {
        if (command instanceof MediaRooms.Publish publish) {
            return onPublish(publish);
        }
        if (command instanceof MediaRooms.AnswerSubscribe answer) {
            return onAnswer(answer);
        }
        if (command instanceof MediaRooms.Trickle trickle) {
            MediaPeer peer = peers.get(trickle.participant());
            if (peer != null) {
                peer.addRemoteCandidate(trickle.connection(), trickle.candidate());
            }
            return this;
        }
        if (command instanceof MediaRooms.Constrain constrain) {
            router.constrain(constrain.participant().value(), constrain.constraints().lowBandwidth(),
                    constrain.constraints().maxVideoHeight());
            return this;
        }
        if (command instanceof MediaRooms.MediaState state) {
            router.pause(state.participant().value(), state.audioMuted(), state.videoMuted());
            return this;
        }
        if (command instanceof MediaRooms.Leave leave) {
            return remove(leave.participant());
        }
        if (command instanceof MediaRooms.GetStats get) {
            get.replyTo().tell(stats);
            return this;
        }
        return this;
    }

    private Behavior<Command> onPublish(MediaRooms.Publish publish) {
        SessionDescription offer;
        try {
            offer = SessionDescription.parse(publish.offerSdp());
        } catch (SdpException e) {
            publish.replyTo().tell(StatusReply.error("invalid publish offer: " + e.getMessage()));
            return this;
        }
        MediaPeer peer = peers.computeIfAbsent(publish.participant(),
                id -> new MediaPeer(id, transports, router, this::listener));
        peer.signalTo(publish.signals());
        try {
            String answer = peer.publish(offer, publish.tracks());
            publish.replyTo().tell(StatusReply.success(answer));
        } catch (SdpException | IllegalArgumentException e) {
            publish.replyTo().tell(StatusReply.error("the publish offer cannot be answered: " + e.getMessage()));
            return this;
        }
        renegotiateEveryone();
        return this;
    }

    private Behavior<Command> onAnswer(MediaRooms.AnswerSubscribe answer) {
        MediaPeer peer = peers.get(answer.participant());
        if (peer == null) {
            answer.replyTo().tell(StatusReply.error("no media session for this participant; publish first"));
            return this;
        }
        try {
            peer.acceptSubscribeAnswer(SessionDescription.parse(answer.answerSdp()), answer.version());
            answer.replyTo().tell(StatusReply.success(Done.getInstance()));
        } catch (SdpException | IllegalArgumentException | IllegalStateException e) {
            answer.replyTo().tell(StatusReply.error("the subscribe answer is not acceptable: " + e.getMessage()));
        }
        // A change that came while this offer was out is offered now.
        peer.renegotiate(everyonesStreams());
        return this;
    }

    /** The supervisor's tick: publishers get their bitrate budget; stats are read, never pushed per packet. */
    private Behavior<Command> onTick() {
        router.tick();
        if (++ticks % TICKS_PER_STATS == 0) {
            Map<Long, long[]> streams = router.counters();
            List<MediaStats.Peer> read = new ArrayList<>();
            for (MediaPeer peer : peers.values()) {
                read.add(peer.stats(streams));
            }
            stats = new MediaStats(List.copyOf(read));
        }
        return this;
    }

    private Behavior<Command> onConnected(Connected connected) {
        getContext().getLog().debug("{} {} connection of {} is up", room, connected.connection(), connected.participant());
        return this;
    }

    private Behavior<Command> onFailed(Failed failed) {
        MediaPeer peer = peers.get(failed.participant());
        if (peer == null || !peer.owns(failed.endpointId())) {
            return this; // an endpoint already replaced by a renegotiation
        }
        getContext().getLog().info("{}: the {} connection of {} failed ({}); they leave", room, failed.connection(),
                failed.participant(), failed.reason());
        departures.connectionLost(failed.participant());
        return remove(failed.participant());
    }

    private Behavior<Command> remove(ParticipantId participant) {
        MediaPeer peer = peers.remove(participant);
        if (peer == null) {
            return this;
        }
        peer.close();
        router.remove(participant.value());
        if (peers.isEmpty()) {
            return Behaviors.stopped();
        }
        renegotiateEveryone();
        return this;
    }

    private void renegotiateEveryone() {
        List<MediaPeer.Stream> streams = everyonesStreams();
        for (MediaPeer peer : peers.values()) {
            peer.renegotiate(streams);
        }
    }

    private List<MediaPeer.Stream> everyonesStreams() {
        List<MediaPeer.Stream> all = new ArrayList<>();
        for (MediaPeer peer : peers.values()) {
            all.addAll(peer.publishedStreams());
        }
        return all;
    }

    /** Media threads only ever tell this actor; that is all a listener does. */
    private EndpointListener listener(ParticipantId participant, ConnectionKind connection, String endpointId) {
        ActorRef<Command> self = getContext().getSelf();
        return new EndpointListener() {
            @Override
            public void onConnected() {
                self.tell(new Connected(participant, connection));
            }

            @Override
            public void onFailed(String reason) {
                self.tell(new Failed(participant, connection, endpointId, reason));
            }
        };
    }
}

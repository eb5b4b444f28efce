package org.parley.engine.rooms;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.parley.engine.conference.Conference;
import org.parley.engine.conference.LeaveReason;
import org.parley.engine.conference.ParticipantId;
import org.parley.engine.conference.RoomName;
import org.parley.engine.history.ConferenceHistory;
import org.parley.engine.media.Media;
import org.parley.engine.media.MediaRoom;
import org.parley.engine.media.MediaRooms;
import org.parley.engine.participant.Participant;
import org.parley.engine.poll.Poll;
import org.parley.engine.poll.PollId;
import org.parley.media.transport.MediaSettings;
import org.parley.media.transport.TransportServer;

/** Starts the engine on an actor system: joins the cluster if alone, registers the sharded entities. */
public final class Engine {

    private Engine() {}

    /** The engine as the edge uses it. */
    public record Running(Rooms rooms, ConferenceHistory history, StoreMonitor store, Media media) {}

    public static Running start(ActorSystem<?> system, EngineSettings settings, Clock clock) {
        Cluster cluster = Cluster.get(system);
        if (system.settings().config().getStringList("pekko.cluster.seed-nodes").isEmpty()) {
            // No seed nodes configured: this node is the whole cluster (developer machine, tests).
            cluster.manager().tell(Join.create(cluster.selfMember().address()));
        }
        ClusterSharding sharding = ClusterSharding.get(system);
        sharding.init(Entity.of(Conference.ENTITY_TYPE_KEY,
                ctx -> Conference.create(RoomName.parse(ctx.getEntityId()), clock, settings.snapshotEvery())));
        sharding.init(Entity.of(Participant.ENTITY_TYPE_KEY,
                ctx -> Participant.create(new ParticipantId(ctx.getEntityId()), clock, settings.participantGrace(),
                        settings.snapshotEvery(),
                        room -> sharding.entityRefFor(Conference.ENTITY_TYPE_KEY, room.value()))));
        sharding.init(Entity.of(Poll.ENTITY_TYPE_KEY, ctx -> Poll.create(new PollId(ctx.getEntityId()), clock)));
        StoreMonitor store = StoreMonitor.start(system, settings.storeCheckInterval(), settings.storeCheckTimeout());
        return new Running(new Rooms(system, sharding, settings.askTimeout(), store, clock), ConferenceHistory.cassandra(system),
                store, startMedia(system, settings, sharding));
    }

    /** The node's SFU: one UDP port for every participant, supervised by one actor per room. */
    private static Media startMedia(ActorSystem<?> system, EngineSettings settings, ClusterSharding sharding) {
        TransportServer transports = TransportServer.start(MediaSettings.fromConfig(system.settings().config()));
        CoordinatedShutdown.get(system).addTask(CoordinatedShutdown.PhaseServiceStop(), "close-media", () -> {
            transports.close();
            return CompletableFuture.completedFuture(Done.getInstance());
        });
        ActorRef<StatusReply<Done>> ignore = system.ignoreRef();
        MediaRoom.Departures departures = participant -> sharding
                .entityRefFor(Participant.ENTITY_TYPE_KEY, participant.value())
                .tell(new Participant.Leave(LeaveReason.CONNECTION_LOST, ignore));
        ActorRef<MediaRooms.Command> rooms = system.systemActorOf(
                MediaRooms.create(MediaRoom.factory(transports, settings.publisherBitrate(), departures)),
                "media", Props.empty());
        return new Media(rooms, system, settings.askTimeout());
    }
}

package org.parley.engine.media;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.pattern.StatusReply;
import org.parley.engine.conference.ParticipantId;
import org.parley.engine.conference.RoomName;

/**
 * This node's media plane: one {@link MediaRoom} per room with people publishing here, created on
 * the first publish and gone when its last participant leaves.
 */
public final class MediaRooms extends AbstractBehavior<MediaRooms.Command> {

    public sealed interface Command {
        RoomName room();
    }

    public record Publish(RoomName room, ParticipantId participant, String offerSdp, List<PublishedTrack> tracks,
            ActorRef<MediaSignal> signals, ActorRef<StatusReply<String>> replyTo) implements Command {}

    public record AnswerSubscribe(RoomName room, ParticipantId participant, String answerSdp, long version,
            ActorRef<StatusReply<Done>> replyTo) implements Command {}

    public record Trickle(RoomName room, ParticipantId participant, ConnectionKind connection, String candidate)
            implements Command {}

    public record Constrain(RoomName room, ParticipantId participant, ReceiveConstraints constraints)
            implements Command {}

    public record MediaState(RoomName room, ParticipantId participant, boolean audioMuted, boolean videoMuted)
            implements Command {}

    public record Leave(RoomName room, ParticipantId participant) implements Command {}

    public record GetStats(RoomName room, ActorRef<MediaStats> replyTo) implements Command {}

    private record RoomStopped(RoomName room) implements Command {}

    private final MediaRoom.Factory roomFactory;
    private final Map<RoomName, ActorRef<MediaRoom.Command>> rooms = new HashMap<>();

    public static Behavior<Command> create(MediaRoom.Factory roomFactory) {
        return Behaviors.setup(context -> new MediaRooms(context, roomFactory));
    }

    private MediaRooms(ActorContext<Command> context, MediaRoom.Factory roomFactory) {
        super(context);
        this.roomFactory = roomFactory;
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Publish.class, this::onPublish)
                .onMessage(RoomStopped.class, m -> {
                    rooms.remove(m.room());
                    return this;
                })
                .onMessage(Command.class, this::onRoomCommand)
                .build();
    }

    private Behavior<Command> onPublish(Publish publish) {
        ActorRef<MediaRoom.Command> room = rooms.computeIfAbsent(publish.room(), name -> {
            ActorRef<MediaRoom.Command> spawned =
                    getContext().spawn(roomFactory.create(name), "room-" + name.value());
            getContext().watchWith(spawned, new RoomStopped(name));
            return spawned;
        });
        room.tell(new MediaRoom.FromEdge(publish));
        return this;
    }

    /** Anything but a publish goes to a room only if it exists; otherwise there is nothing to act on. */
    private Behavior<Command> onRoomCommand(Command command) {
        ActorRef<MediaRoom.Command> room = rooms.get(command.room());
        if (room != null) {
            room.tell(new MediaRoom.FromEdge(command));
        } else if (command instanceof AnswerSubscribe answer) {
            answer.replyTo().tell(StatusReply.error("no media session for this participant; publish first"));
        } else if (command instanceof GetStats stats) {
            stats.replyTo().tell(MediaStats.EMPTY);
        }
        return this;
    }
}

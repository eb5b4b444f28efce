package org.parley.engine.media;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.pattern.StatusReply;
import org.parley.engine.conference.ParticipantId;
import org.parley.engine.conference.RoomName;
import org.parley.engine.rooms.Refused;

/**
 * What the edge may ask of this node's media plane, as futures: negotiate a participant's two peer
 * connections and tell it what the participant wants and is allowed to send.
 */
public final class Media {

    private final ActorRef<MediaRooms.Command> rooms;
    private final ActorSystem<?> system;
    private final Duration askTimeout;

    public Media(ActorRef<MediaRooms.Command> rooms, ActorSystem<?> system, Duration askTimeout) {
        this.rooms = rooms;
        this.system = system;
        this.askTimeout = askTimeout;
    }

    /** Answers a browser's publish offer; its subscribe offers arrive later through {@code signals}. */
    public CompletionStage<String> publish(RoomName room, ParticipantId participant, String offerSdp,
            List<PublishedTrack> tracks, ActorRef<MediaSignal> signals) {
        return ask(replyTo -> new MediaRooms.Publish(room, participant, offerSdp, tracks, signals, replyTo));
    }

    public CompletionStage<Done> answerSubscribe(RoomName room, ParticipantId participant, String answerSdp, long version) {
        return ask(replyTo -> new MediaRooms.AnswerSubscribe(room, participant, answerSdp, version, replyTo));
    }

    public void trickle(RoomName room, ParticipantId participant, ConnectionKind connection, String candidate) {
        rooms.tell(new MediaRooms.Trickle(room, participant, connection, candidate));
    }

    public void constrain(RoomName room, ParticipantId participant, ReceiveConstraints constraints) {
        rooms.tell(new MediaRooms.Constrain(room, participant, constraints));
    }

    /** A muted track is not forwarded: muting is enforced here, not only shown in the UI. */
    public void mediaState(RoomName room, ParticipantId participant, boolean audioMuted, boolean videoMuted) {
        rooms.tell(new MediaRooms.MediaState(room, participant, audioMuted, videoMuted));
    }

    /** The room's media counters as of its last stats tick (empty when nobody publishes here). */
    public CompletionStage<MediaStats> stats(RoomName room) {
        return AskPattern.ask(rooms, replyTo -> new MediaRooms.GetStats(room, replyTo), askTimeout, system.scheduler());
    }

    public void leave(RoomName room, ParticipantId participant) {
        rooms.tell(new MediaRooms.Leave(room, participant));
    }

    private <T> CompletionStage<T> ask(java.util.function.Function<ActorRef<StatusReply<T>>, MediaRooms.Command> command) {
        CompletionStage<StatusReply<T>> reply =
                AskPattern.ask(rooms, command::apply, askTimeout, system.scheduler());
        return reply.thenApply(StatusReply::getValue).exceptionally(failure -> {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause instanceof StatusReply.ErrorMessage refusal) {
                throw new Refused(refusal.getMessage());
            }
            throw cause instanceof RuntimeException runtime ? runtime : new CompletionException(cause);
        });
    }
}

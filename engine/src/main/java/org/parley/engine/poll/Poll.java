package org.parley.engine.poll;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.parley.engine.conference.Conference;
import org.parley.engine.conference.Initiator;
import org.parley.engine.conference.ParticipantId;
import org.parley.engine.conference.RoomName;

/**
 * One poll of a conference, its own persistent actor: created once, everyone votes once (a new vote
 * replaces one's earlier vote) until it is closed. Who may vote or close is checked by the caller
 * against the conference (members vote; the creator or a moderator closes).
 */
public final class Poll extends EventSourcedBehaviorWithEnforcedReplies<Poll.Command, Poll.Event, PollState> {

    public static final EntityTypeKey<Command> ENTITY_TYPE_KEY = EntityTypeKey.create(Command.class, "Poll");

    // ---- commands ----

    public sealed interface Command {}

    public record Create(RoomName room, ParticipantId creator, String creatorName, PollQuestion question,
            ActorRef<StatusReply<PollState>> replyTo) implements Command {}

    public record Vote(ParticipantId voter, int choice, ActorRef<StatusReply<PollState>> replyTo) implements Command {}

    public record Close(Initiator by, ActorRef<StatusReply<PollState>> replyTo) implements Command {}

    public record GetState(ActorRef<PollState> replyTo) implements Command {}

    // ---- events ----

    public sealed interface Event {
        Instant at();
    }

    public record PollCreated(RoomName room, ParticipantId creator, String creatorName, PollQuestion question, Instant at)
            implements Event {}

    public record VoteCast(ParticipantId voter, int choice, Instant at) implements Event {}

    public record PollClosed(Initiator by, Instant at) implements Event {}

    // ---- behaviour ----

    private final PollId id;
    private final Clock clock;

    public static PersistenceId persistenceIdOf(PollId id) {
        return PersistenceId.of(ENTITY_TYPE_KEY.name(), id.value());
    }

    public static Behavior<Command> create(PollId id, Clock clock) {
        return new Poll(id, clock);
    }

    private Poll(PollId id, Clock clock) {
        super(persistenceIdOf(id));
        this.id = id;
        this.clock = clock;
    }

    @Override
    public PollState emptyState() {
        return PollState.none(id);
    }

    @Override
    public CommandHandlerWithReply<Command, Event, PollState> commandHandler() {
        return newCommandHandlerWithReplyBuilder()
                .forAnyState()
                .onCommand(Create.class, this::onCreate)
                .onCommand(Vote.class, this::onVote)
                .onCommand(Close.class, this::onClose)
                .onCommand(GetState.class, (state, cmd) -> Effect().reply(cmd.replyTo(), state))
                .build();
    }

    private ReplyEffect<Event, PollState> onCreate(PollState state, Create cmd) {
        if (state.exists()) {
            return Effect().reply(cmd.replyTo(), StatusReply.error("this poll already exists"));
        }
        var problem = cmd.question().problem();
        if (problem.isPresent()) {
            return Effect().reply(cmd.replyTo(), StatusReply.error(problem.get()));
        }
        return Effect().persist(new PollCreated(cmd.room(), cmd.creator(), cmd.creatorName(), cmd.question().stripped(), now()))
                .thenReply(cmd.replyTo(), StatusReply::success);
    }

    private ReplyEffect<Event, PollState> onVote(PollState state, Vote cmd) {
        if (!state.exists()) {
            return Effect().reply(cmd.replyTo(), StatusReply.error("no such poll"));
        }
        if (state.isClosed()) {
            return Effect().reply(cmd.replyTo(), StatusReply.error("this poll is closed"));
        }
        if (cmd.choice() < 0 || cmd.choice() >= state.question().orElseThrow().choices().size()) {
            return Effect().reply(cmd.replyTo(), StatusReply.error("no such choice"));
        }
        if (state.choiceOf(cmd.voter()).map(c -> c == cmd.choice()).orElse(false)) {
            return Effect().reply(cmd.replyTo(), StatusReply.success(state));
        }
        return Effect().persist(new VoteCast(cmd.voter(), cmd.choice(), now()))
                .thenReply(cmd.replyTo(), StatusReply::success);
    }

    private ReplyEffect<Event, PollState> onClose(PollState state, Close cmd) {
        if (!state.exists()) {
            return Effect().reply(cmd.replyTo(), StatusReply.error("no such poll"));
        }
        if (state.isClosed()) {
            return Effect().reply(cmd.replyTo(), StatusReply.success(state));
        }
        return Effect().persist(new PollClosed(cmd.by(), now())).thenReply(cmd.replyTo(), StatusReply::success);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    @Override
    public EventHandler<PollState, Event> eventHandler() {
        return newEventHandlerBuilder().forAnyState().onAnyEvent(PollState::apply);
    }

    @Override
    public Set<String> tagsFor(Event event) {
        return Set.of(Conference.AUDIT_TAG);
    }
}

package org.parley.engine.conference;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;

/**
 * One room: its lifecycle, roster and moderators. The log is the moderation history; the live
 * connections to tell about changes are kept beside it, in memory only, and re-registered by each
 * connection's heartbeat (so a restarted conference finds its listeners again within seconds).
 */
public final class Conference extends EventSourcedBehaviorWithEnforcedReplies<Conference.Command, Conference.Event, ConferenceState> {

    public static final EntityTypeKey<Command> ENTITY_TYPE_KEY = EntityTypeKey.create(Command.class, "Conference");

    /** Every Parley event carries this tag, so one query streams all conferences in order (audit). */
    public static final String AUDIT_TAG = "audit";

    // ---- commands ----

    public sealed interface Command {}

    /** Admit a person to the room; the first one in starts the conference and moderates it. */
    public record Join(
            ParticipantId participant,
            String displayName,
            ActorRef<RoomUpdate> listener,
            ActorRef<StatusReply<Admission>> replyTo) implements Command {}

    public record Leave(ParticipantId participant, LeaveReason reason, ActorRef<StatusReply<Done>> replyTo)
            implements Command {}

    /** (Re-)register a member's connection for live updates; sent on every heartbeat. */
    public record Subscribe(
            ParticipantId participant, ActorRef<RoomUpdate> listener, ActorRef<StatusReply<ConferenceState>> replyTo)
            implements Command {}

    public record GetState(ActorRef<ConferenceState> replyTo) implements Command {}

    /** Pass a member's profile change on to everyone connected (the Participant owns that state). */
    public record Relay(RoomUpdate.ParticipantUpdated update) implements Command {}

    private record ListenerTerminated(ParticipantId participant, ActorRef<RoomUpdate> listener) implements Command {}

    public record Admission(Role role, ConferenceState conference) {}

    // ---- events ----

    public sealed interface Event {
        Instant at();
    }

    public record ConferenceStarted(RoomName room, long instance, Initiator by, Instant at) implements Event {}

    public record ParticipantJoined(ParticipantId participant, String displayName, Role role, Instant at) implements Event {}

    public record ParticipantLeft(ParticipantId participant, LeaveReason reason, Instant at) implements Event {}

    public record ModeratorGranted(ParticipantId participant, Initiator by, Instant at) implements Event {}

    public record ConferenceEnded(EndReason reason, Initiator by, Instant at) implements Event {}

    // ---- behaviour ----

    private final RoomName room;
    private final Clock clock;
    private final int snapshotEvery;
    private final ActorContext<Command> context;
    private final Map<ParticipantId, ActorRef<RoomUpdate>> listeners = new HashMap<>();

    public static PersistenceId persistenceIdOf(RoomName room) {
        return PersistenceId.of(ENTITY_TYPE_KEY.name(), room.value());
    }

    public static Behavior<Command> create(RoomName room, Clock clock, int snapshotEvery) {
        return Behaviors.setup(context -> new Conference(room, clock, snapshotEvery, context));
    }

    private Conference(RoomName room, Clock clock, int snapshotEvery, ActorContext<Command> context) {
        super(persistenceIdOf(room));
        this.room = room;
        this.clock = clock;
        this.snapshotEvery = snapshotEvery;
        this.context = context;
    }

    @Override
    public ConferenceState emptyState() {
        return ConferenceState.notStarted(room);
    }

    @Override
    public CommandHandlerWithReply<Command, Event, ConferenceState> commandHandler() {
        return newCommandHandlerWithReplyBuilder()
                .forAnyState()
                .onCommand(Join.class, this::onJoin)
                .onCommand(Leave.class, this::onLeave)
                .onCommand(Subscribe.class, this::onSubscribe)
                .onCommand(GetState.class, (state, cmd) -> Effect().reply(cmd.replyTo(), state))
                .onCommand(Relay.class, this::onRelay)
                .onCommand(ListenerTerminated.class, this::onListenerTerminated)
                .build();
    }

    private ReplyEffect<Event, ConferenceState> onJoin(ConferenceState state, Join cmd) {
        String name = DisplayName.normalize(cmd.displayName());
        if (name == null) {
            return Effect().reply(cmd.replyTo(), StatusReply.error(DisplayName.RULE));
        }
        if (state.isMember(cmd.participant())) {
            listen(cmd.participant(), cmd.listener());
            Role role = state.member(cmd.participant()).orElseThrow().role();
            return Effect().reply(cmd.replyTo(), StatusReply.success(new Admission(role, state)));
        }
        Instant now = now();
        List<Event> events = new ArrayList<>();
        ConferenceState admitting = state;
        if (!state.isInProgress()) {
            ConferenceStarted started =
                    new ConferenceStarted(room, state.instance() + 1, Initiator.participant(cmd.participant()), now);
            events.add(started);
            admitting = admitting.apply(started);
        }
        Role role = admitting.roleForNewcomer();
        ParticipantJoined joined = new ParticipantJoined(cmd.participant(), name, role, now);
        events.add(joined);
        return Effect().persist(events)
                .thenRun(after -> {
                    listen(cmd.participant(), cmd.listener());
                    Member member = after.member(cmd.participant()).orElseThrow();
                    broadcastExcept(cmd.participant(), new RoomUpdate.MemberJoined(member));
                })
                .thenReply(cmd.replyTo(), after -> StatusReply.success(new Admission(role, after)));
    }

    private ReplyEffect<Event, ConferenceState> onLeave(ConferenceState state, Leave cmd) {
        if (!state.isMember(cmd.participant())) {
            return Effect().reply(cmd.replyTo(), StatusReply.error("not in this conference"));
        }
        Instant now = now();
        List<Event> events = new ArrayList<>();
        events.add(new ParticipantLeft(cmd.participant(), cmd.reason(), now));
        state.moderatorHeirAfterLeaving(cmd.participant())
                .ifPresent(heir -> events.add(new ModeratorGranted(heir, Initiator.SYSTEM, now)));
        boolean lastOneOut = state.roster().size() == 1;
        if (lastOneOut) {
            events.add(new ConferenceEnded(EndReason.LAST_PARTICIPANT_LEFT, Initiator.SYSTEM, now));
        }
        return Effect().persist(events)
                .thenRun(after -> {
                    unlisten(cmd.participant());
                    for (Event event : events) {
                        announce(event);
                    }
                })
                .thenReply(cmd.replyTo(), after -> StatusReply.ack());
    }

    private ReplyEffect<Event, ConferenceState> onSubscribe(ConferenceState state, Subscribe cmd) {
        if (!state.isMember(cmd.participant())) {
            return Effect().reply(cmd.replyTo(), StatusReply.error("not in this conference"));
        }
        listen(cmd.participant(), cmd.listener());
        return Effect().reply(cmd.replyTo(), StatusReply.success(state));
    }

    private ReplyEffect<Event, ConferenceState> onRelay(ConferenceState state, Relay cmd) {
        if (state.isMember(cmd.update().participant())) {
            broadcastExcept(null, cmd.update());
        }
        return Effect().noReply();
    }

    private ReplyEffect<Event, ConferenceState> onListenerTerminated(ConferenceState state, ListenerTerminated cmd) {
        listeners.remove(cmd.participant(), cmd.listener());
        return Effect().noReply();
    }

    private void announce(Event event) {
        if (event instanceof ParticipantLeft left) {
            broadcastExcept(left.participant(), new RoomUpdate.MemberLeft(left.participant(), left.reason()));
        } else if (event instanceof ModeratorGranted granted) {
            broadcastExcept(null, new RoomUpdate.RoleChanged(granted.participant(), Role.MODERATOR));
        } else if (event instanceof ConferenceEnded ended) {
            broadcastExcept(null, new RoomUpdate.Ended(ended.reason()));
        }
    }

    private void listen(ParticipantId participant, ActorRef<RoomUpdate> listener) {
        ActorRef<RoomUpdate> previous = listeners.put(participant, listener);
        if (listener.equals(previous)) {
            return;
        }
        if (previous != null) {
            context.unwatch(previous);
        }
        context.watchWith(listener, new ListenerTerminated(participant, listener));
    }

    private void unlisten(ParticipantId participant) {
        ActorRef<RoomUpdate> previous = listeners.remove(participant);
        if (previous != null) {
            context.unwatch(previous);
        }
    }

    private void broadcastExcept(ParticipantId excluded, RoomUpdate update) {
        listeners.forEach((participant, listener) -> {
            if (!participant.equals(excluded)) {
                listener.tell(update);
            }
        });
    }

    /** Events store milliseconds: the live state must equal the replayed one, so it holds no more. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    @Override
    public EventHandler<ConferenceState, Event> eventHandler() {
        return newEventHandlerBuilder()
                .forAnyState()
                .onAnyEvent(ConferenceState::apply);
    }

    @Override
    public Set<String> tagsFor(Event event) {
        return Set.of(AUDIT_TAG);
    }

    @Override
    public RetentionCriteria retentionCriteria() {
        return RetentionCriteria.snapshotEvery(snapshotEvery, 2);
    }
}

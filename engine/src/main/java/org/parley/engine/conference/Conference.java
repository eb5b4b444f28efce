package org.parley.engine.conference;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * One room: who may enter (members start it, guests wait for them; password, lobby, bans), its
 * roster and moderators. The log is the moderation history; the live connections to tell about
 * changes (members, people waiting for a host, knockers) are kept beside it in memory only, and
 * re-registered by each connection's heartbeat, so a restarted conference finds them again.
 */
public final class Conference extends EventSourcedBehaviorWithEnforcedReplies<Conference.Command, Conference.Event, ConferenceState> {

    public static final EntityTypeKey<Command> ENTITY_TYPE_KEY = EntityTypeKey.create(Command.class, "Conference");

    /** Every Parley event carries this tag, so one query streams all conferences in order (audit). */
    public static final String AUDIT_TAG = "audit";

    // ---- commands ----

    public sealed interface Command {}

    /**
     * Ask to enter. {@code passwordProof} is the room's password hash the caller's password was
     * checked against (outside the actor: the check is slow on purpose), if the room has one.
     */
    public record Join(
            ParticipantId participant,
            String displayName,
            Caller caller,
            Optional<PasswordHash> passwordProof,
            ActorRef<RoomUpdate> listener,
            ActorRef<StatusReply<JoinOutcome>> replyTo) implements Command {}

    public record Leave(ParticipantId participant, LeaveReason reason, ActorRef<StatusReply<Done>> replyTo)
            implements Command {}

    /** (Re-)register a member's connection for live updates; sent on every heartbeat. */
    public record Subscribe(
            ParticipantId participant, ActorRef<RoomUpdate> listener, ActorRef<StatusReply<ConferenceState>> replyTo)
            implements Command {}

    public record GetState(ActorRef<ConferenceState> replyTo) implements Command {}

    /** Pass a member's profile change on to everyone connected (the Participant owns that state). */
    public record Relay(RoomUpdate.ParticipantUpdated update) implements Command {}

    /** A moderator action; refused with {@link Denial#FORBIDDEN} (and nothing recorded) for anyone else. */
    public record Moderate(Authority by, ModeratorAction action, ActorRef<StatusReply<Verdict>> replyTo)
            implements Command {}

    /** A line of lobby chat from the person knocking. */
    public record KnockerSays(String subject, String text, ActorRef<StatusReply<Verdict>> replyTo) implements Command {}

    /** Someone stops waiting (for a host or in the lobby): their knock, if any, is withdrawn. */
    public record Withdraw(String subject, ActorRef<RoomUpdate> listener, ActorRef<StatusReply<Done>> replyTo)
            implements Command {}

    /** A participant raises or lowers their own hand. */
    public record SetHand(ParticipantId participant, boolean raised, ActorRef<StatusReply<Verdict>> replyTo)
            implements Command {}

    /** A participant's reaction: shown to everyone, not recorded (it changes no shared state). */
    public record React(ParticipantId participant, Reaction reaction, ActorRef<StatusReply<Verdict>> replyTo)
            implements Command {}

    /** A chat message from a participant, to everyone ({@code to} empty) or privately to one participant. */
    public record PostChat(ParticipantId from, Optional<ParticipantId> to, String text, ActorRef<StatusReply<Verdict>> replyTo)
            implements Command {}

    /** Under "ask to unmute": a muted participant asks the moderators. */
    public record AskToUnmute(ParticipantId participant, MuteKind kind, ActorRef<StatusReply<Verdict>> replyTo)
            implements Command {}

    /** May this participant turn the device back on now? Accepted or FORBIDDEN; records nothing. */
    public record MayUnmute(ParticipantId participant, MuteKind kind, ActorRef<StatusReply<Verdict>> replyTo)
            implements Command {}

    /** A poll was created in this conference (listed once, so late joiners see it) or changed: tell everyone. */
    public record PollChanged(String pollId, ActorRef<StatusReply<Done>> replyTo) implements Command {}

    private record ConnectionTerminated(ActorRef<RoomUpdate> connection) implements Command {}

    // ---- events ----

    public sealed interface Event {
        Instant at();
    }

    public record ConferenceStarted(RoomName room, long instance, Initiator by, Instant at) implements Event {}

    public record ParticipantJoined(
            ParticipantId participant, String displayName, Role role, String subject, boolean signedIn, Instant at)
            implements Event {}

    public record ParticipantLeft(ParticipantId participant, LeaveReason reason, Instant at) implements Event {}

    public record ModeratorGranted(ParticipantId participant, Initiator by, Instant at) implements Event {}

    public record ConferenceEnded(EndReason reason, Initiator by, Instant at) implements Event {}

    public record LobbyChanged(boolean enabled, Initiator by, Instant at) implements Event {}

    /** The password was set (its salted hash) or removed (empty). */
    public record PasswordChanged(Optional<PasswordHash> hash, Initiator by, Instant at) implements Event {}

    public record Knocked(Knock knock) implements Event {
        @Override
        public Instant at() {
            return knock.at();
        }
    }

    public record KnockAnswered(KnockId knock, KnockOutcome outcome, Initiator by, String message, Instant at)
            implements Event {}

    public record LobbyMessageSent(KnockId knock, Initiator from, boolean fromModerator, String text, Instant at)
            implements Event {}

    public record ParticipantKicked(ParticipantId participant, Initiator by, boolean banned, String message, Instant at)
            implements Event {}

    public record HandRaised(ParticipantId participant, Instant at) implements Event {}

    /** Lowered by its owner or by a moderator (by says which). */
    public record HandLowered(ParticipantId participant, Initiator by, Instant at) implements Event {}

    public record AllHandsLowered(Initiator by, Instant at) implements Event {}

    public record ChatMessagePosted(ChatMessage message) implements Event {
        @Override
        public Instant at() {
            return message.at();
        }
    }

    public record ChatMessageDeleted(ChatMessageId message, Initiator by, Instant at) implements Event {}

    public record MediaPolicyChanged(MediaPolicy policy, Initiator by, Instant at) implements Event {}

    /** A poll (its own persistent actor) belongs to this conference. */
    public record PollListed(String pollId, Instant at) implements Event {}

    public record UnmuteAsked(ParticipantId participant, MuteKind kind, Instant at) implements Event {}

    public record UnmuteAllowed(ParticipantId participant, MuteKind kind, Initiator by, Instant at) implements Event {}

    /** A moderator muted these people (each one's Participant records its own mute too). */
    public record ModeratorMuted(List<ParticipantId> participants, MuteKind kind, Initiator by, Instant at) implements Event {
        public ModeratorMuted {
            participants = List.copyOf(participants);
        }
    }

    // ---- behaviour ----

    private final RoomName room;
    private final Clock clock;
    private final int snapshotEvery;
    private final ActorContext<Command> context;
    private final Map<ParticipantId, ActorRef<RoomUpdate>> listeners = new HashMap<>();
    /** People waiting for a host: their connection and subject. */
    private final Map<ActorRef<RoomUpdate>, String> waitingForHost = new HashMap<>();
    private final Map<KnockId, ActorRef<RoomUpdate>> knockers = new HashMap<>();
    private final Set<ActorRef<RoomUpdate>> watched = new HashSet<>();
    /** When each participant last reacted: reactions are rate limited, in memory (they are not state). */
    private final Map<ParticipantId, Instant> lastReaction = new HashMap<>();

    /** Recent chat messages per participant, for the rate limit (in memory: it is not state). */
    private final Map<ParticipantId, java.util.ArrayDeque<Instant>> recentChat = new HashMap<>();

    /** At most this many chat messages per person within {@link #CHAT_WINDOW}. */
    public static final int CHAT_BURST = 5;

    public static final java.time.Duration CHAT_WINDOW = java.time.Duration.ofSeconds(5);

    /** At most one reaction per person per this long. */
    public static final java.time.Duration REACTION_INTERVAL = java.time.Duration.ofMillis(700);

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
                .onCommand(Moderate.class, this::onModerate)
                .onCommand(KnockerSays.class, this::onKnockerSays)
                .onCommand(Withdraw.class, this::onWithdraw)
                .onCommand(SetHand.class, this::onSetHand)
                .onCommand(React.class, this::onReact)
                .onCommand(PostChat.class, this::onPostChat)
                .onCommand(AskToUnmute.class, this::onAskToUnmute)
                .onCommand(PollChanged.class, this::onPollChanged)
                .onCommand(MayUnmute.class, (state, cmd) -> state.mayUnmute(cmd.participant(), cmd.kind())
                        ? accepted(cmd.replyTo())
                        : deny(cmd.replyTo(), Denial.FORBIDDEN, "a moderator asks that you ask before unmuting"))
                .onCommand(ConnectionTerminated.class, this::onConnectionTerminated)
                .build();
    }

    // ---- the door ----

    private ReplyEffect<Event, ConferenceState> onJoin(ConferenceState state, Join cmd) {
        String name = DisplayName.normalize(cmd.displayName());
        if (name == null) {
            return refuseEntry(cmd.replyTo(), Denial.INVALID, DisplayName.RULE);
        }
        if (state.isMember(cmd.participant())) {
            listen(cmd.participant(), cmd.listener());
            Role role = state.member(cmd.participant()).orElseThrow().role();
            return Effect().reply(cmd.replyTo(), StatusReply.success(new JoinOutcome.Admitted(role, state)));
        }
        Caller caller = cmd.caller();
        if (state.access().bannedSubjects().contains(caller.subject())) {
            return refuseEntry(cmd.replyTo(), Denial.BANNED, "a moderator removed you from this conference and barred your return");
        }
        if (room.isSelfTest()) {
            if (!state.roster().isEmpty()) {
                return refuseEntry(cmd.replyTo(), Denial.FORBIDDEN, "a self-test room holds one person");
            }
            return state.isInProgress()
                    ? admit(cmd, name, Role.MODERATOR, List.of())
                    : startAndAdmit(state, cmd, name);
        }
        if (!state.isInProgress()) {
            if (!caller.member()) {
                waitForHost(cmd.listener(), caller.subject());
                return Effect().reply(cmd.replyTo(), StatusReply.success(new JoinOutcome.WaitingForHost()));
            }
            return startAndAdmit(state, cmd, name);
        }
        if (!state.mayPassTheDoor(caller)) {
            Optional<PasswordHash> password = state.access().password();
            if (password.isPresent() && !password.equals(cmd.passwordProof())) {
                return refuseEntry(cmd.replyTo(), Denial.PASSWORD_REQUIRED, "this conference has a password");
            }
            if (state.access().lobbyEnabled()) {
                return knock(state, cmd, name);
            }
        }
        return admit(cmd, name, state.moderates(caller) ? Role.MODERATOR : Role.PARTICIPANT, List.of());
    }

    private ReplyEffect<Event, ConferenceState> startAndAdmit(ConferenceState state, Join cmd, String name) {
        ConferenceStarted started = new ConferenceStarted(room, state.instance() + 1,
                Initiator.participant(cmd.participant(), cmd.caller().subject()), now());
        return admit(cmd, name, Role.MODERATOR, List.of(started));
    }

    private ReplyEffect<Event, ConferenceState> admit(Join cmd, String name, Role role, List<Event> before) {
        List<Event> events = new ArrayList<>(before);
        events.add(new ParticipantJoined(cmd.participant(), name, role, cmd.caller().subject(), cmd.caller().signedIn(), now()));
        boolean starting = !before.isEmpty();
        return Effect().persist(events)
                .thenRun(after -> {
                    stopWaiting(cmd.listener());
                    listen(cmd.participant(), cmd.listener());
                    Member member = after.member(cmd.participant()).orElseThrow();
                    broadcastExcept(cmd.participant(), new RoomUpdate.MemberJoined(member));
                    if (starting) {
                        hostArrived();
                    }
                })
                .thenReply(cmd.replyTo(), after -> StatusReply.success(new JoinOutcome.Admitted(role, after)));
    }

    private ReplyEffect<Event, ConferenceState> knock(ConferenceState state, Join cmd, String name) {
        Optional<Knock> pending = state.access().knockOf(cmd.caller().subject());
        if (pending.isPresent()) {
            knockerConnected(pending.get().id(), cmd.listener());
            return Effect().reply(cmd.replyTo(), StatusReply.success(new JoinOutcome.InLobby(pending.get().id())));
        }
        Knock knock = new Knock(KnockId.random(), cmd.caller().subject(), name, cmd.caller().signedIn(), now());
        return Effect().persist(new Knocked(knock))
                .thenRun(after -> {
                    knockerConnected(knock.id(), cmd.listener());
                    toModerators(after, new RoomUpdate.KnockReceived(knock));
                })
                .thenReply(cmd.replyTo(), after -> StatusReply.success(new JoinOutcome.InLobby(knock.id())));
    }

    private ReplyEffect<Event, ConferenceState> onKnockerSays(ConferenceState state, KnockerSays cmd) {
        Optional<Knock> knock = state.access().knockOf(cmd.subject());
        if (knock.isEmpty()) {
            return deny(cmd.replyTo(), Denial.UNKNOWN_KNOCK, "you are not waiting in this lobby");
        }
        Optional<String> invalid = invalidText(cmd.text(), false);
        if (invalid.isPresent()) {
            return deny(cmd.replyTo(), Denial.INVALID, invalid.get());
        }
        LobbyMessageSent sent = new LobbyMessageSent(knock.get().id(), Initiator.subject(cmd.subject()), false,
                cmd.text().strip(), now());
        return Effect().persist(sent)
                .thenRun(after -> lobbyChat(after, sent, knock.get().displayName()))
                .thenReply(cmd.replyTo(), after -> StatusReply.success(Verdict.ACCEPTED));
    }

    private ReplyEffect<Event, ConferenceState> onWithdraw(ConferenceState state, Withdraw cmd) {
        stopWaiting(cmd.listener());
        Optional<Knock> knock = state.access().knockOf(cmd.subject());
        if (knock.isEmpty()) {
            return Effect().reply(cmd.replyTo(), StatusReply.ack());
        }
        return withdraw(knock.get()).thenReply(cmd.replyTo(), after -> StatusReply.ack());
    }

    private org.apache.pekko.persistence.typed.javadsl.EffectBuilder<Event, ConferenceState> withdraw(Knock knock) {
        KnockAnswered withdrawn = new KnockAnswered(knock.id(), KnockOutcome.WITHDRAWN,
                Initiator.subject(knock.subject()), "", now());
        return Effect().persist(withdrawn).thenRun(after -> knockAnswered(after, withdrawn));
    }

    // ---- members ----

    private ReplyEffect<Event, ConferenceState> onLeave(ConferenceState state, Leave cmd) {
        if (!state.isMember(cmd.participant())) {
            return Effect().reply(cmd.replyTo(), StatusReply.error("not in this conference"));
        }
        List<Event> events = new ArrayList<>();
        events.add(new ParticipantLeft(cmd.participant(), cmd.reason(), now()));
        events.addAll(consequencesOfDeparture(state, cmd.participant()));
        return Effect().persist(events)
                .thenRun(after -> {
                    unlisten(cmd.participant());
                    events.forEach(event -> announce(after, event));
                })
                .thenReply(cmd.replyTo(), after -> StatusReply.ack());
    }

    /** Someone leaving may leave the room without a moderator (an heir is named) or empty (it ends). */
    private List<Event> consequencesOfDeparture(ConferenceState state, ParticipantId leaving) {
        List<Event> events = new ArrayList<>();
        Instant now = now();
        state.moderatorHeirAfterLeaving(leaving).ifPresent(heir -> events.add(new ModeratorGranted(heir, Initiator.SYSTEM, now)));
        if (state.roster().size() == 1) {
            events.add(new ConferenceEnded(EndReason.LAST_PARTICIPANT_LEFT, Initiator.SYSTEM, now));
        }
        return events;
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

    // ---- hands and reactions ----

    private ReplyEffect<Event, ConferenceState> onSetHand(ConferenceState state, SetHand cmd) {
        if (!state.isMember(cmd.participant())) {
            return deny(cmd.replyTo(), Denial.NOT_IN_CONFERENCE, "join the conference first");
        }
        if (state.hasRaisedHand(cmd.participant()) == cmd.raised()) {
            return accepted(cmd.replyTo());
        }
        Event event = cmd.raised()
                ? new HandRaised(cmd.participant(), now())
                : new HandLowered(cmd.participant(), Initiator.participant(cmd.participant()), now());
        return persistAndAnnounce(List.of(event), cmd.replyTo());
    }

    private ReplyEffect<Event, ConferenceState> onReact(ConferenceState state, React cmd) {
        if (!state.isMember(cmd.participant())) {
            return deny(cmd.replyTo(), Denial.NOT_IN_CONFERENCE, "join the conference first");
        }
        Instant now = clock.instant();
        Instant last = lastReaction.get(cmd.participant());
        if (last != null && now.isBefore(last.plus(REACTION_INTERVAL))) {
            return deny(cmd.replyTo(), Denial.RATE_LIMITED, "one reaction at a time, please");
        }
        lastReaction.put(cmd.participant(), now);
        broadcastExcept(null, new RoomUpdate.Reacted(cmd.participant(), cmd.reaction()));
        return accepted(cmd.replyTo());
    }

    // ---- chat ----

    private ReplyEffect<Event, ConferenceState> onPostChat(ConferenceState state, PostChat cmd) {
        Optional<Member> sender = state.member(cmd.from());
        if (sender.isEmpty()) {
            return deny(cmd.replyTo(), Denial.NOT_IN_CONFERENCE, "join the conference first");
        }
        if (cmd.to().isPresent() && !state.isMember(cmd.to().get())) {
            return deny(cmd.replyTo(), Denial.NOT_IN_CONFERENCE, "that person is not in this conference");
        }
        if (cmd.text() == null || cmd.text().isBlank()) {
            return deny(cmd.replyTo(), Denial.INVALID, "the message is empty");
        }
        if (cmd.text().length() > ChatMessage.MAX_TEXT) {
            return deny(cmd.replyTo(), Denial.INVALID, "a message is at most " + ChatMessage.MAX_TEXT + " characters");
        }
        if (!chatAllowed(cmd.from())) {
            return deny(cmd.replyTo(), Denial.RATE_LIMITED, "you are sending messages too fast; wait a moment");
        }
        ChatMessage message = new ChatMessage(ChatMessageId.random(), cmd.from(), sender.get().displayNameAtJoin(), cmd.to(),
                cmd.text().strip(), now());
        return persistAndAnnounce(List.of(new ChatMessagePosted(message)), cmd.replyTo());
    }

    private boolean chatAllowed(ParticipantId from) {
        Instant now = clock.instant();
        java.util.ArrayDeque<Instant> recent = recentChat.computeIfAbsent(from, id -> new java.util.ArrayDeque<>());
        while (!recent.isEmpty() && !recent.peekFirst().plus(CHAT_WINDOW).isAfter(now)) {
            recent.pollFirst();
        }
        if (recent.size() >= CHAT_BURST) {
            return false;
        }
        recent.addLast(now);
        return true;
    }

    // ---- polls ----

    private ReplyEffect<Event, ConferenceState> onPollChanged(ConferenceState state, PollChanged cmd) {
        if (!state.isInProgress()) {
            return Effect().reply(cmd.replyTo(), StatusReply.error("this conference is not running"));
        }
        RoomUpdate.PollChanged update = new RoomUpdate.PollChanged(cmd.pollId());
        if (state.polls().contains(cmd.pollId())) {
            broadcastExcept(null, update);
            return Effect().reply(cmd.replyTo(), StatusReply.ack());
        }
        return Effect().persist(new PollListed(cmd.pollId(), now()))
                .thenRun(after -> broadcastExcept(null, update))
                .thenReply(cmd.replyTo(), after -> StatusReply.ack());
    }

    // ---- microphones and cameras ----

    private ReplyEffect<Event, ConferenceState> onAskToUnmute(ConferenceState state, AskToUnmute cmd) {
        if (!state.isMember(cmd.participant())) {
            return deny(cmd.replyTo(), Denial.NOT_IN_CONFERENCE, "join the conference first");
        }
        UnmuteGate gate = new UnmuteGate(cmd.participant(), cmd.kind());
        if (state.mayUnmute(cmd.participant(), cmd.kind()) || state.media().asks().contains(gate)) {
            return accepted(cmd.replyTo());
        }
        UnmuteAsked asked = new UnmuteAsked(cmd.participant(), cmd.kind(), now());
        return Effect().persist(asked)
                .thenRun(after -> toModerators(after, new RoomUpdate.UnmuteAsked(cmd.participant(), cmd.kind())))
                .thenReply(cmd.replyTo(), after -> StatusReply.success(Verdict.ACCEPTED));
    }

    private ReplyEffect<Event, ConferenceState> mute(
            ConferenceState state, ModeratorAction.Mute mute, Initiator by, ActorRef<StatusReply<Verdict>> replyTo) {
        if (mute.participant().isPresent() && !state.isMember(mute.participant().get())) {
            return deny(replyTo, Denial.NOT_IN_CONFERENCE, "that person is not in this conference");
        }
        List<ParticipantId> targets = mute.participant().map(List::of).orElseGet(state::mutedByEveryone);
        if (targets.isEmpty()) {
            return accepted(replyTo);
        }
        return persistAndAnnounce(List.of(new ModeratorMuted(targets, mute.kind(), by, now())), replyTo);
    }

    // ---- moderation ----

    private ReplyEffect<Event, ConferenceState> onModerate(ConferenceState state, Moderate cmd) {
        if (!state.mayModerate(cmd.by())) {
            return deny(cmd.replyTo(), Denial.FORBIDDEN, "only a moderator of this conference can do that");
        }
        Initiator by = cmd.by().initiator();
        ModeratorAction action = cmd.action();
        if (action instanceof ModeratorAction.SetLobby lobby) {
            return setLobby(state, lobby.enabled(), by, cmd.replyTo());
        }
        if (action instanceof ModeratorAction.SetPassword password) {
            if (password.hash().isEmpty() && !state.access().passwordSet()) {
                return accepted(cmd.replyTo());
            }
            return persistAndAnnounce(List.of(new PasswordChanged(password.hash(), by, now())), cmd.replyTo());
        }
        if (action instanceof ModeratorAction.Admit admit) {
            return answerKnock(state, admit.knock(), KnockOutcome.ADMITTED, "", by, cmd.replyTo());
        }
        if (action instanceof ModeratorAction.Reject reject) {
            return answerKnock(state, reject.knock(), KnockOutcome.REJECTED, reject.message(), by, cmd.replyTo());
        }
        if (action instanceof ModeratorAction.LobbyReply reply) {
            return lobbyReply(state, reply, cmd.by(), cmd.replyTo());
        }
        if (action instanceof ModeratorAction.Promote promote) {
            if (!state.isMember(promote.participant())) {
                return deny(cmd.replyTo(), Denial.NOT_IN_CONFERENCE, "that person is not in this conference");
            }
            if (state.isModerator(promote.participant())) {
                return accepted(cmd.replyTo());
            }
            return persistAndAnnounce(List.of(new ModeratorGranted(promote.participant(), by, now())), cmd.replyTo());
        }
        if (action instanceof ModeratorAction.LowerHand lower) {
            if (!state.hasRaisedHand(lower.participant())) {
                return accepted(cmd.replyTo());
            }
            return persistAndAnnounce(List.of(new HandLowered(lower.participant(), by, now())), cmd.replyTo());
        }
        if (action instanceof ModeratorAction.LowerAllHands) {
            if (state.raisedHands().isEmpty()) {
                return accepted(cmd.replyTo());
            }
            return persistAndAnnounce(List.of(new AllHandsLowered(by, now())), cmd.replyTo());
        }
        if (action instanceof ModeratorAction.Mute mute) {
            return mute(state, mute, by, cmd.replyTo());
        }
        if (action instanceof ModeratorAction.SetMediaPolicy policy) {
            if (state.media().policy().equals(policy.policy())) {
                return accepted(cmd.replyTo());
            }
            return persistAndAnnounce(List.of(new MediaPolicyChanged(policy.policy(), by, now())), cmd.replyTo());
        }
        if (action instanceof ModeratorAction.AllowUnmute allow) {
            if (!state.isMember(allow.participant())) {
                return deny(cmd.replyTo(), Denial.NOT_IN_CONFERENCE, "that person is not in this conference");
            }
            return persistAndAnnounce(List.of(new UnmuteAllowed(allow.participant(), allow.kind(), by, now())), cmd.replyTo());
        }
        if (action instanceof ModeratorAction.DeleteChat delete) {
            boolean known = state.chat().stream().anyMatch(message -> message.id().equals(delete.message()));
            if (!known) {
                return deny(cmd.replyTo(), Denial.NOT_IN_CONFERENCE, "no such message in this conference's chat");
            }
            return persistAndAnnounce(List.of(new ChatMessageDeleted(delete.message(), by, now())), cmd.replyTo());
        }
        if (action instanceof ModeratorAction.EndConference) {
            return endForEveryone(state, by, cmd.replyTo());
        }
        ModeratorAction.Kick kick = (ModeratorAction.Kick) action;
        return kick(state, kick, by, cmd.replyTo());
    }

    private ReplyEffect<Event, ConferenceState> setLobby(
            ConferenceState state, boolean enabled, Initiator by, ActorRef<StatusReply<Verdict>> replyTo) {
        if (state.access().lobbyEnabled() == enabled) {
            return accepted(replyTo);
        }
        List<Event> events = new ArrayList<>();
        events.add(new LobbyChanged(enabled, by, now()));
        if (!enabled) {
            // Turning the lobby off opens the door to those already knocking.
            state.access().knocks().forEach(knock ->
                    events.add(new KnockAnswered(knock.id(), KnockOutcome.ADMITTED, by, "", now())));
        }
        return persistAndAnnounce(events, replyTo);
    }

    private ReplyEffect<Event, ConferenceState> answerKnock(ConferenceState state, KnockId knock, KnockOutcome outcome,
            String message, Initiator by, ActorRef<StatusReply<Verdict>> replyTo) {
        if (state.access().knock(knock).isEmpty()) {
            return deny(replyTo, Denial.UNKNOWN_KNOCK, "nobody is waiting with that knock (answered or gone)");
        }
        Optional<String> invalid = invalidText(message, true);
        if (invalid.isPresent()) {
            return deny(replyTo, Denial.INVALID, invalid.get());
        }
        return persistAndAnnounce(List.of(new KnockAnswered(knock, outcome, by, message.strip(), now())), replyTo);
    }

    private ReplyEffect<Event, ConferenceState> lobbyReply(ConferenceState state, ModeratorAction.LobbyReply reply,
            Authority by, ActorRef<StatusReply<Verdict>> replyTo) {
        if (state.access().knock(reply.knock()).isEmpty()) {
            return deny(replyTo, Denial.UNKNOWN_KNOCK, "nobody is waiting with that knock (answered or gone)");
        }
        Optional<String> invalid = invalidText(reply.text(), false);
        if (invalid.isPresent()) {
            return deny(replyTo, Denial.INVALID, invalid.get());
        }
        LobbyMessageSent sent = new LobbyMessageSent(reply.knock(), by.initiator(), true, reply.text().strip(), now());
        String from = by instanceof Authority.InRoom inRoom
                ? state.member(inRoom.participant()).map(Member::displayNameAtJoin).orElse("Moderator")
                : "Moderator";
        return Effect().persist(sent)
                .thenRun(after -> lobbyChat(after, sent, from))
                .thenReply(replyTo, after -> StatusReply.success(Verdict.ACCEPTED));
    }

    private ReplyEffect<Event, ConferenceState> kick(
            ConferenceState state, ModeratorAction.Kick kick, Initiator by, ActorRef<StatusReply<Verdict>> replyTo) {
        if (!state.isMember(kick.participant())) {
            return deny(replyTo, Denial.NOT_IN_CONFERENCE, "that person is not in this conference");
        }
        Optional<String> invalid = invalidText(kick.message(), true);
        if (invalid.isPresent()) {
            return deny(replyTo, Denial.INVALID, invalid.get());
        }
        List<Event> events = new ArrayList<>();
        events.add(new ParticipantKicked(kick.participant(), by, kick.ban(), kick.message().strip(), now()));
        events.addAll(consequencesOfDeparture(state, kick.participant()));
        return Effect().persist(events)
                .thenRun(after -> {
                    events.forEach(event -> announce(after, event));
                    unlisten(kick.participant());
                })
                .thenReply(replyTo, after -> StatusReply.success(Verdict.ACCEPTED));
    }

    /** Everyone is told and disconnected; lobby, password, promotions and bans end with the conference. */
    private ReplyEffect<Event, ConferenceState> endForEveryone(
            ConferenceState state, Initiator by, ActorRef<StatusReply<Verdict>> replyTo) {
        if (!state.isInProgress()) {
            return deny(replyTo, Denial.NOT_IN_CONFERENCE, "this conference is not running");
        }
        ConferenceEnded ended = new ConferenceEnded(EndReason.ENDED_BY_MODERATOR, by, now());
        return Effect().persist(ended)
                .thenRun(after -> {
                    announce(after, ended);
                    List.copyOf(listeners.keySet()).forEach(this::unlisten);
                    // Those waiting at the door are turned away too: the conference is over.
                    List.copyOf(knockers.entrySet()).forEach(knocker -> {
                        knocker.getValue().tell(new RoomUpdate.Ended(EndReason.ENDED_BY_MODERATOR));
                        knockers.remove(knocker.getKey());
                        forgetIfUnused(knocker.getValue());
                    });
                })
                .thenReply(replyTo, after -> StatusReply.success(Verdict.ACCEPTED));
    }

    private ReplyEffect<Event, ConferenceState> persistAndAnnounce(List<Event> events, ActorRef<StatusReply<Verdict>> replyTo) {
        return Effect().persist(events)
                .thenRun(after -> events.forEach(event -> announce(after, event)))
                .thenReply(replyTo, after -> StatusReply.success(Verdict.ACCEPTED));
    }

    /** Tells the connected people what an event changed for them (lobby news only to those concerned). */
    private void announce(ConferenceState after, Event event) {
        if (event instanceof ParticipantLeft left) {
            broadcastExcept(left.participant(), new RoomUpdate.MemberLeft(left.participant(), left.reason()));
            broadcastExcept(left.participant(), new RoomUpdate.HandsChanged(after.raisedHands()));
        } else if (event instanceof ModeratorGranted granted) {
            broadcastExcept(null, new RoomUpdate.RoleChanged(granted.participant(), Role.MODERATOR));
            // A new moderator sees who is already waiting at the door.
            ActorRef<RoomUpdate> promoted = listeners.get(granted.participant());
            if (promoted != null) {
                after.access().knocks().forEach(knock -> promoted.tell(new RoomUpdate.KnockReceived(knock)));
            }
        } else if (event instanceof ConferenceEnded ended) {
            broadcastExcept(null, new RoomUpdate.Ended(ended.reason()));
        } else if (event instanceof LobbyChanged || event instanceof PasswordChanged) {
            broadcastExcept(null, new RoomUpdate.AccessChanged(after.access().lobbyEnabled(), after.access().passwordSet()));
        } else if (event instanceof KnockAnswered answered) {
            knockAnswered(after, answered);
        } else if (event instanceof ParticipantKicked kicked) {
            broadcastExcept(null, new RoomUpdate.Kicked(kicked.participant(), kicked.banned(), kicked.message()));
            broadcastExcept(kicked.participant(), new RoomUpdate.HandsChanged(after.raisedHands()));
        } else if (event instanceof ChatMessagePosted posted) {
            ChatMessage message = posted.message();
            listeners.forEach((participant, listener) -> {
                if (message.visibleTo(participant)) {
                    listener.tell(new RoomUpdate.ChatPosted(message));
                }
            });
        } else if (event instanceof MediaPolicyChanged changed) {
            broadcastExcept(null, new RoomUpdate.MediaPolicyChanged(changed.policy()));
        } else if (event instanceof UnmuteAllowed allowed) {
            broadcastExcept(null, new RoomUpdate.UnmuteAllowed(allowed.participant(), allowed.kind()));
        } else if (event instanceof ModeratorMuted muted) {
            broadcastExcept(null, new RoomUpdate.MutedByModerator(muted.participants(), muted.kind()));
        } else if (event instanceof ChatMessageDeleted deleted) {
            broadcastExcept(null, new RoomUpdate.ChatDeleted(deleted.message()));
        } else if (event instanceof HandRaised || event instanceof HandLowered || event instanceof AllHandsLowered) {
            broadcastExcept(null, new RoomUpdate.HandsChanged(after.raisedHands()));
        }
    }

    private void knockAnswered(ConferenceState after, KnockAnswered answered) {
        RoomUpdate update = new RoomUpdate.KnockAnswered(answered.knock(), answered.outcome(),
                answered.by().participant(), answered.message());
        toModerators(after, update);
        ActorRef<RoomUpdate> knocker = knockers.remove(answered.knock());
        if (knocker != null) {
            knocker.tell(update);
            forgetIfUnused(knocker);
        }
    }

    private void lobbyChat(ConferenceState after, LobbyMessageSent sent, String fromDisplayName) {
        RoomUpdate update = new RoomUpdate.LobbyMessage(sent.knock(), fromDisplayName, sent.fromModerator(), sent.text(), sent.at());
        toModerators(after, update);
        ActorRef<RoomUpdate> knocker = knockers.get(sent.knock());
        if (knocker != null) {
            knocker.tell(update);
        }
    }

    // ---- connections ----

    private ReplyEffect<Event, ConferenceState> onConnectionTerminated(ConferenceState state, ConnectionTerminated cmd) {
        watched.remove(cmd.connection());
        listeners.values().removeIf(cmd.connection()::equals);
        waitingForHost.remove(cmd.connection());
        Optional<KnockId> knock = knockers.entrySet().stream()
                .filter(e -> e.getValue().equals(cmd.connection())).map(Map.Entry::getKey).findFirst();
        knock.ifPresent(knockers::remove);
        Optional<Knock> pending = knock.flatMap(id -> state.access().knock(id));
        if (pending.isPresent()) {
            // The knocker's page is gone: moderators should not admit an empty chair.
            return withdraw(pending.get()).thenNoReply();
        }
        return Effect().noReply();
    }

    private void listen(ParticipantId participant, ActorRef<RoomUpdate> listener) {
        ActorRef<RoomUpdate> previous = listeners.put(participant, listener);
        watch(listener);
        if (previous != null && !previous.equals(listener)) {
            forgetIfUnused(previous);
        }
    }

    private void unlisten(ParticipantId participant) {
        ActorRef<RoomUpdate> previous = listeners.remove(participant);
        if (previous != null) {
            forgetIfUnused(previous);
        }
    }

    private void waitForHost(ActorRef<RoomUpdate> listener, String subject) {
        waitingForHost.put(listener, subject);
        watch(listener);
    }

    private void knockerConnected(KnockId knock, ActorRef<RoomUpdate> listener) {
        ActorRef<RoomUpdate> previous = knockers.put(knock, listener);
        watch(listener);
        if (previous != null && !previous.equals(listener)) {
            forgetIfUnused(previous);
        }
    }

    private void stopWaiting(ActorRef<RoomUpdate> listener) {
        waitingForHost.remove(listener);
        knockers.values().removeIf(listener::equals);
        forgetIfUnused(listener);
    }

    private void hostArrived() {
        List<ActorRef<RoomUpdate>> waiting = List.copyOf(waitingForHost.keySet());
        waitingForHost.clear();
        waiting.forEach(waiter -> {
            waiter.tell(new RoomUpdate.HostArrived());
            forgetIfUnused(waiter);
        });
    }

    private void watch(ActorRef<RoomUpdate> connection) {
        if (watched.add(connection)) {
            context.watchWith(connection, new ConnectionTerminated(connection));
        }
    }

    private void forgetIfUnused(ActorRef<RoomUpdate> connection) {
        boolean used = listeners.containsValue(connection) || waitingForHost.containsKey(connection)
                || knockers.containsValue(connection);
        if (!used && watched.remove(connection)) {
            context.unwatch(connection);
        }
    }

    private void broadcastExcept(ParticipantId excluded, RoomUpdate update) {
        listeners.forEach((participant, listener) -> {
            if (!participant.equals(excluded)) {
                listener.tell(update);
            }
        });
    }

    private void toModerators(ConferenceState state, RoomUpdate update) {
        listeners.forEach((participant, listener) -> {
            if (state.isModerator(participant)) {
                listener.tell(update);
            }
        });
    }

    // ---- small rules ----

    private static Optional<String> invalidText(String text, boolean mayBeEmpty) {
        if (text == null || (!mayBeEmpty && text.isBlank())) {
            return Optional.of("the message is empty");
        }
        if (text.length() > ModeratorAction.MAX_TEXT) {
            return Optional.of("a message is at most " + ModeratorAction.MAX_TEXT + " characters");
        }
        return Optional.empty();
    }

    private ReplyEffect<Event, ConferenceState> refuseEntry(
            ActorRef<StatusReply<JoinOutcome>> replyTo, Denial denial, String reason) {
        return Effect().reply(replyTo, StatusReply.success(new Denied(denial, reason)));
    }

    private ReplyEffect<Event, ConferenceState> deny(ActorRef<StatusReply<Verdict>> replyTo, Denial denial, String reason) {
        return Effect().reply(replyTo, StatusReply.success(new Denied(denial, reason)));
    }

    private ReplyEffect<Event, ConferenceState> accepted(ActorRef<StatusReply<Verdict>> replyTo) {
        return Effect().reply(replyTo, StatusReply.success(Verdict.ACCEPTED));
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

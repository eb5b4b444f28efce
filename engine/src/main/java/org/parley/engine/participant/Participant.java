package org.parley.engine.participant;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.RecoveryCompleted;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReplyBuilderByState;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;
import org.parley.engine.conference.Conference;
import org.parley.engine.conference.DisplayName;
import org.parley.engine.conference.Initiator;
import org.parley.engine.conference.LeaveReason;
import org.parley.engine.conference.ParticipantId;
import org.parley.engine.conference.RoomName;

/**
 * One person in one conference. Presence is a lease: the person's connection renews it with
 * {@link KeepAlive}; when renewals stop for the grace period (tab closed, network gone, node lost)
 * the participant departs and tells its conference. A reconnect within the grace period
 * {@link Resume}s the same participant with the secret it was given at registration.
 */
public final class Participant
        extends EventSourcedBehaviorWithEnforcedReplies<Participant.Command, Participant.Event, ParticipantState> {

    public static final EntityTypeKey<Command> ENTITY_TYPE_KEY = EntityTypeKey.create(Command.class, "Participant");

    // ---- commands ----

    public sealed interface Command {}

    /** A command answered with success or a refusal with its reason. */
    public sealed interface StatusCommand<T> extends Command {
        ActorRef<StatusReply<T>> replyTo();
    }

    public record Register(
            RoomName room,
            String displayName,
            String language,
            boolean audioMuted,
            boolean videoMuted,
            boolean acceptedTerms,
            String resumeTokenHash,
            ActorRef<StatusReply<ParticipantState>> replyTo) implements StatusCommand<ParticipantState> {}

    public record ChangeDisplayName(String displayName, ActorRef<StatusReply<ParticipantState>> replyTo) implements StatusCommand<ParticipantState> {}

    public record ChangeLanguage(String language, ActorRef<StatusReply<ParticipantState>> replyTo) implements StatusCommand<ParticipantState> {}

    public record SetAudioMuted(boolean muted, Initiator by, ActorRef<StatusReply<ParticipantState>> replyTo) implements StatusCommand<ParticipantState> {}

    public record SetVideoMuted(boolean muted, Initiator by, ActorRef<StatusReply<ParticipantState>> replyTo) implements StatusCommand<ParticipantState> {}

    public record Resume(ResumeToken token, ActorRef<StatusReply<ParticipantState>> replyTo) implements StatusCommand<ParticipantState> {}

    public record KeepAlive(ActorRef<StatusReply<Done>> replyTo) implements StatusCommand<Done> {}

    public record Leave(LeaveReason reason, ActorRef<StatusReply<Done>> replyTo) implements StatusCommand<Done> {}

    public record GetState(ActorRef<ParticipantState> replyTo) implements Command {}

    private enum LeaseExpired implements Command {
        INSTANCE
    }

    // ---- events ----

    public sealed interface Event {
        Instant at();
    }

    public record Registered(
            RoomName room,
            String displayName,
            String language,
            boolean audioMuted,
            boolean videoMuted,
            boolean acceptedTerms,
            String resumeTokenHash,
            Instant at) implements Event {}

    public record DisplayNameChanged(String displayName, Instant at) implements Event {}

    public record LanguageChanged(String language, Instant at) implements Event {}

    public record AudioMuteChanged(boolean muted, Initiator by, Instant at) implements Event {}

    public record VideoMuteChanged(boolean muted, Initiator by, Instant at) implements Event {}

    public record Departed(LeaveReason reason, Instant at) implements Event {}

    // ---- behaviour ----

    private static final Object LEASE = "lease";

    public static final String TERMS_REQUIRED = "the terms of use must be accepted to join";

    private final ParticipantId id;
    private final Clock clock;
    private final Duration grace;
    private final int snapshotEvery;
    private final ConferenceDirectory conferences;
    private final ActorContext<Command> context;
    private final TimerScheduler<Command> timers;

    public static PersistenceId persistenceIdOf(ParticipantId id) {
        return PersistenceId.of(ENTITY_TYPE_KEY.name(), id.value());
    }

    public static Behavior<Command> create(
            ParticipantId id, Clock clock, Duration grace, int snapshotEvery, ConferenceDirectory conferences) {
        return Behaviors.setup(context -> Behaviors.withTimers(
                timers -> new Participant(id, clock, grace, snapshotEvery, conferences, context, timers)));
    }

    private Participant(
            ParticipantId id,
            Clock clock,
            Duration grace,
            int snapshotEvery,
            ConferenceDirectory conferences,
            ActorContext<Command> context,
            TimerScheduler<Command> timers) {
        super(persistenceIdOf(id));
        this.id = id;
        this.clock = clock;
        this.grace = grace;
        this.snapshotEvery = snapshotEvery;
        this.conferences = conferences;
        this.context = context;
        this.timers = timers;
    }

    @Override
    public ParticipantState emptyState() {
        return ParticipantState.unregistered(id);
    }

    @Override
    public CommandHandlerWithReply<Command, Event, ParticipantState> commandHandler() {
        CommandHandlerWithReplyBuilderByState<Command, Event, ParticipantState, ParticipantState> unregistered =
                newCommandHandlerWithReplyBuilder().forState(state -> !state.isRegistered());
        unregistered
                .onCommand(Register.class, this::onRegister)
                .onCommand(GetState.class, (state, cmd) -> Effect().reply(cmd.replyTo(), state))
                .onCommand(LeaseExpired.class, (state, cmd) -> Effect().noReply())
                .onAnyCommand((state, cmd) -> refuse(cmd, "this participant has not joined"));

        CommandHandlerWithReplyBuilderByState<Command, Event, ParticipantState, ParticipantState> departed =
                newCommandHandlerWithReplyBuilder().forState(state -> state.departure().isPresent());
        departed
                .onCommand(GetState.class, (state, cmd) -> Effect().reply(cmd.replyTo(), state))
                .onCommand(LeaseExpired.class, (state, cmd) -> Effect().noReply())
                .onAnyCommand((state, cmd) -> refuse(cmd, "this participant has left the conference; join again"));

        CommandHandlerWithReplyBuilderByState<Command, Event, ParticipantState, ParticipantState> present =
                newCommandHandlerWithReplyBuilder().forState(ParticipantState::isPresent);
        present
                .onCommand(Register.class, (state, cmd) -> Effect().reply(cmd.replyTo(),
                        StatusReply.error("this participant has already joined")))
                .onCommand(ChangeDisplayName.class, this::onChangeDisplayName)
                .onCommand(ChangeLanguage.class, this::onChangeLanguage)
                .onCommand(SetAudioMuted.class, this::onSetAudioMuted)
                .onCommand(SetVideoMuted.class, this::onSetVideoMuted)
                .onCommand(Resume.class, this::onResume)
                .onCommand(KeepAlive.class, (state, cmd) -> {
                    renewLease();
                    return Effect().reply(cmd.replyTo(), StatusReply.ack());
                })
                .onCommand(Leave.class, (state, cmd) -> depart(cmd.reason(), cmd.replyTo()))
                .onCommand(GetState.class, (state, cmd) -> Effect().reply(cmd.replyTo(), state))
                .onCommand(LeaseExpired.class, (state, cmd) -> depart(LeaveReason.CONNECTION_LOST, null));

        return unregistered.orElse(departed).orElse(present).build();
    }

    private ReplyEffect<Event, ParticipantState> onRegister(ParticipantState state, Register cmd) {
        String name = DisplayName.normalize(cmd.displayName());
        if (name == null) {
            return Effect().reply(cmd.replyTo(), StatusReply.error(DisplayName.RULE));
        }
        if (!Language.isValid(cmd.language())) {
            return Effect().reply(cmd.replyTo(), StatusReply.error("unknown language tag: " + cmd.language()));
        }
        if (!cmd.acceptedTerms()) {
            return Effect().reply(cmd.replyTo(), StatusReply.error(TERMS_REQUIRED));
        }
        Registered registered = new Registered(cmd.room(), name, cmd.language(), cmd.audioMuted(), cmd.videoMuted(),
                true, cmd.resumeTokenHash(), now());
        return Effect().persist(registered)
                .thenRun(this::renewLeaseAndRelay)
                .thenReply(cmd.replyTo(), StatusReply::success);
    }

    private ReplyEffect<Event, ParticipantState> onChangeDisplayName(ParticipantState state, ChangeDisplayName cmd) {
        String name = DisplayName.normalize(cmd.displayName());
        if (name == null) {
            return Effect().reply(cmd.replyTo(), StatusReply.error(DisplayName.RULE));
        }
        if (name.equals(state.displayName())) {
            return Effect().reply(cmd.replyTo(), StatusReply.success(state));
        }
        return persistAndRelay(new DisplayNameChanged(name, now()), cmd.replyTo());
    }

    private ReplyEffect<Event, ParticipantState> onChangeLanguage(ParticipantState state, ChangeLanguage cmd) {
        if (!Language.isValid(cmd.language())) {
            return Effect().reply(cmd.replyTo(), StatusReply.error("unknown language tag: " + cmd.language()));
        }
        if (cmd.language().equals(state.language())) {
            return Effect().reply(cmd.replyTo(), StatusReply.success(state));
        }
        return persistAndRelay(new LanguageChanged(cmd.language(), now()), cmd.replyTo());
    }

    private ReplyEffect<Event, ParticipantState> onSetAudioMuted(ParticipantState state, SetAudioMuted cmd) {
        if (cmd.muted() == state.audioMuted()) {
            return Effect().reply(cmd.replyTo(), StatusReply.success(state));
        }
        return persistAndRelay(new AudioMuteChanged(cmd.muted(), cmd.by(), now()), cmd.replyTo());
    }

    private ReplyEffect<Event, ParticipantState> onSetVideoMuted(ParticipantState state, SetVideoMuted cmd) {
        if (cmd.muted() == state.videoMuted()) {
            return Effect().reply(cmd.replyTo(), StatusReply.success(state));
        }
        return persistAndRelay(new VideoMuteChanged(cmd.muted(), cmd.by(), now()), cmd.replyTo());
    }

    private ReplyEffect<Event, ParticipantState> onResume(ParticipantState state, Resume cmd) {
        if (!cmd.token().matches(state.resumeTokenHash())) {
            return Effect().reply(cmd.replyTo(), StatusReply.error("this reconnect secret does not match"));
        }
        renewLease();
        return Effect().reply(cmd.replyTo(), StatusReply.success(state));
    }

    private ReplyEffect<Event, ParticipantState> persistAndRelay(
            Event event, ActorRef<StatusReply<ParticipantState>> replyTo) {
        return Effect().persist(event)
                .thenRun(this::relay)
                .thenReply(replyTo, StatusReply::success);
    }

    /** Leaving is final for this participant: the conference is told; sharding passivates the idle entity. */
    private ReplyEffect<Event, ParticipantState> depart(LeaveReason reason, ActorRef<StatusReply<Done>> replyTo) {
        timers.cancel(LEASE);
        var effect = Effect().persist(new Departed(reason, now()))
                .thenRun((ParticipantState after) -> conferences.conference(after.room().orElseThrow())
                        .tell(new Conference.Leave(id, reason, context.getSystem().ignoreRef())));
        return replyTo == null ? effect.thenNoReply() : effect.thenReply(replyTo, after -> StatusReply.ack());
    }

    private ReplyEffect<Event, ParticipantState> refuse(Command cmd, String reason) {
        if (cmd instanceof StatusCommand<?> answerable) {
            return refuse(answerable, reason);
        }
        return Effect().noReply();
    }

    private <T> ReplyEffect<Event, ParticipantState> refuse(StatusCommand<T> cmd, String reason) {
        return Effect().reply(cmd.replyTo(), StatusReply.<T>error(reason));
    }

    private void renewLeaseAndRelay(ParticipantState state) {
        renewLease();
        relay(state);
    }

    private void renewLease() {
        timers.startSingleTimer(LEASE, LeaseExpired.INSTANCE, grace);
    }

    private void relay(ParticipantState state) {
        conferences.conference(state.room().orElseThrow()).tell(new Conference.Relay(state.asUpdate()));
    }

    /** Events store milliseconds: the live state must equal the replayed one, so it holds no more. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    @Override
    public EventHandler<ParticipantState, Event> eventHandler() {
        return newEventHandlerBuilder()
                .forAnyState()
                .onAnyEvent(ParticipantState::apply);
    }

    @Override
    public SignalHandler<ParticipantState> signalHandler() {
        // After a restart (node lost, passivation) nobody knows whether the connection still exists:
        // give it one grace period to renew the lease.
        return newSignalHandlerBuilder()
                .onSignal(RecoveryCompleted.instance(), state -> {
                    if (state.isPresent()) {
                        renewLease();
                    }
                })
                .build();
    }

    @Override
    public Set<String> tagsFor(Event event) {
        return Set.of(Conference.AUDIT_TAG);
    }

    @Override
    public RetentionCriteria retentionCriteria() {
        return RetentionCriteria.snapshotEvery(snapshotEvery, 2);
    }
}

package org.parley.http.signal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.parley.engine.conference.Authority;
import org.parley.engine.conference.Caller;
import org.parley.engine.conference.ChatMessageId;
import org.parley.engine.conference.Denied;
import org.parley.engine.conference.KnockId;
import org.parley.engine.conference.ModeratorAction;
import org.parley.engine.conference.MuteKind;
import org.parley.engine.conference.ParticipantId;
import org.parley.engine.conference.RoomName;
import org.parley.engine.conference.RoomUpdate;
import org.parley.engine.media.ConnectionKind;
import org.parley.engine.media.Media;
import org.parley.engine.media.MediaSignal;
import org.parley.engine.media.PublishedTrack;
import org.parley.engine.media.ReceiveConstraints;
import org.parley.engine.participant.ResumeToken;
import org.parley.engine.conference.Verdict;
import org.parley.engine.poll.PollId;
import org.parley.engine.poll.PollQuestion;
import org.parley.engine.poll.PollState;
import org.parley.engine.rooms.AccessRefused;
import org.parley.engine.rooms.Entry;
import org.parley.engine.rooms.JoinRequest;
import org.parley.engine.rooms.JoinedSession;
import org.parley.engine.rooms.Refused;
import org.parley.engine.rooms.Rooms;
import org.parley.engine.rooms.StoreUnavailable;
import org.parley.http.signal.v1.Ack;
import org.parley.http.signal.v1.ClientMessage;
import org.parley.http.signal.v1.LobbyChat;
import org.parley.http.signal.v1.Pong;
import org.parley.http.signal.v1.PublishOffer;
import org.parley.http.signal.v1.ServerMessage;
import org.parley.http.signal.v1.SetMedia;
import org.parley.http.signal.v1.UpdateProfile;

/**
 * One browser's WebSocket. Frames are handled one at a time (the next frame is only pulled once the
 * engine answered the previous one), so a browser sees answers in the order it asked. A bad frame
 * gets an error and changes nothing; the connection and the conference carry on.
 */
public final class SignalSession extends AbstractBehavior<SignalSession.Command> {

    public sealed interface Command {}

    /** The socket's first signal: where to send acknowledgements that pull the next frame. */
    record StreamStarted(ActorRef<FrameAck> ackTo) implements Command {}

    record Inbound(InboundFrame frame, ActorRef<FrameAck> ackTo) implements Command {}

    enum SocketClosed implements Command {
        INSTANCE
    }

    record SocketFailed(Throwable cause) implements Command {}

    enum FrameAck {
        INSTANCE
    }

    private record Update(RoomUpdate update) implements Command {}

    private record FromMedia(MediaSignal signal) implements Command {}

    /**
     * A join (or a retry of a pending one) was answered: in, waiting, or refused. ackTo is null for
     * retries, which no frame waits on.
     */
    private record JoinAnswered(String requestId, RoomName room, JoinRequest request, Entry entry, Throwable failure,
            ActorRef<FrameAck> ackTo) implements Command {}

    /** A join the door holds: waiting for a host or in the lobby; retried when told, and on each heartbeat. */
    private record PendingJoin(String requestId, RoomName room, JoinRequest request, Entry.Waiting waiting) {}

    /** An engine call finished: say so to the browser, maybe change the session, pull the next frame. */
    private record Answered(ServerMessage reply, Optional<JoinedSession> joined, boolean left, ActorRef<FrameAck> ackTo)
            implements Command {}

    /** A poll of the room changed; read for this person, it goes to the browser. */
    private record PollRead(PollState poll) implements Command {}

    /** A poll that could not be read now: the next change or a reload shows it. */
    private enum PollUnread implements Command {
        INSTANCE
    }

    private enum Heartbeat implements Command {
        INSTANCE
    }

    private record HeartbeatFailed(Throwable cause) implements Command {}

    private enum HeartbeatRenewed implements Command {
        INSTANCE
    }

    public record Settings(Duration heartbeatInterval, String defaultLanguage) {}

    private static final Object HEARTBEAT = "heartbeat";

    private final Rooms rooms;
    private final Media media;
    private final ActorRef<Outbound> out;
    private final Settings settings;
    private final TimerScheduler<Command> timers;
    private final ActorRef<RoomUpdate> listener;
    private final ActorRef<MediaSignal> mediaSignals;
    private final Caller caller;
    private final String clientAddress;
    private Optional<JoinedSession> session = Optional.empty();
    private Optional<PendingJoin> pending = Optional.empty();
    private boolean retrying;
    /** Updates that arrive while a join is answered: the browser gets them after its roster. */
    private List<RoomUpdate> heldUpdates;

    /**
     * @param caller who is on the other end, as authenticated when the socket opened (rights follow
     *     this identity, not the socket)
     * @param clientAddress where the browser connects from (wrong passwords are throttled per address)
     */
    public static Behavior<Command> create(Rooms rooms, Media media, ActorRef<Outbound> out, Settings settings,
            Caller caller, String clientAddress) {
        return Behaviors.setup(context -> Behaviors.withTimers(
                timers -> new SignalSession(context, timers, rooms, media, out, settings, caller, clientAddress)));
    }

    private SignalSession(ActorContext<Command> context, TimerScheduler<Command> timers, Rooms rooms, Media media,
            ActorRef<Outbound> out, Settings settings, Caller caller, String clientAddress) {
        super(context);
        this.caller = caller;
        this.clientAddress = clientAddress;
        this.rooms = rooms;
        this.media = media;
        this.out = out;
        this.settings = settings;
        this.timers = timers;
        this.listener = context.messageAdapter(RoomUpdate.class, Update::new);
        this.mediaSignals = context.messageAdapter(MediaSignal.class, FromMedia::new);
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(StreamStarted.class, m -> {
                    m.ackTo().tell(FrameAck.INSTANCE);
                    return this;
                })
                .onMessage(Inbound.class, this::onInbound)
                .onMessage(Answered.class, this::onAnswered)
                .onMessage(JoinAnswered.class, this::onJoinAnswered)
                .onMessage(PollRead.class, read -> {
                    session.ifPresent(joined -> send(SignalMapping.pollUpdated(read.poll(), joined.participant())));
                    return this;
                })
                .onMessage(Update.class, this::onUpdate)
                .onMessage(FromMedia.class, m -> {
                    send(SignalMapping.mediaSignal(m.signal()));
                    return this;
                })
                .onMessage(Heartbeat.class, m -> onHeartbeat())
                .onMessage(HeartbeatFailed.class, this::onHeartbeatFailed)
                .onMessageEquals(HeartbeatRenewed.INSTANCE, () -> this)
                .onMessageEquals(PollUnread.INSTANCE, () -> this)
                .onMessageEquals(SocketClosed.INSTANCE, this::onSocketGone)
                .onMessage(SocketFailed.class, m -> {
                    getContext().getLog().debug("signalling socket failed", m.cause());
                    return onSocketGone();
                })
                .build();
    }

    private Behavior<Command> onInbound(Inbound inbound) {
        InboundFrame frame = inbound.frame();
        if (frame instanceof InboundFrame.TooLarge tooLarge) {
            return refuse("", inbound.ackTo(), ErrorCodes.TOO_LARGE,
                    "a frame of " + tooLarge.characters() + " characters is over the limit; nothing was done");
        }
        if (frame instanceof InboundFrame.Binary) {
            return refuse("", inbound.ackTo(), ErrorCodes.BAD_REQUEST, "binary frames are not understood; send JSON text");
        }
        SignalCodec.Decoded decoded = SignalCodec.decode(((InboundFrame.Text) frame).json());
        if (decoded instanceof SignalCodec.Decoded.Invalid invalid) {
            return refuse(invalid.requestId(), inbound.ackTo(), invalid.code(), invalid.message());
        }
        ClientMessage message = ((SignalCodec.Decoded.Valid) decoded).message();
        String requestId = message.getRequestId();
        return switch (message.getBodyCase()) {
            case JOIN -> onJoin(requestId, message, inbound.ackTo());
            case RESUME -> onResume(requestId, message, inbound.ackTo());
            case LEAVE -> pending.isPresent()
                    ? stopWaiting(requestId, inbound.ackTo())
                    : whenJoined(requestId, inbound.ackTo(), joined -> answer(requestId, inbound.ackTo(),
                            rooms.leave(joined.participant()).thenApply(done -> ack(requestId)), Optional.empty(), true));
            case RAISE_HAND -> whenJoined(requestId, inbound.ackTo(), joined -> answer(requestId, inbound.ackTo(),
                    rooms.setHand(joined.room(), joined.participant(), message.getRaiseHand().getRaised())
                            .thenApply(v -> verdictReply(requestId, v)), Optional.empty(), false));
            case REACT -> whenJoined(requestId, inbound.ackTo(), joined -> {
                Optional<org.parley.engine.conference.Reaction> reaction = SignalMapping.reaction(message.getReact().getReaction());
                if (reaction.isEmpty()) {
                    return refuse(requestId, inbound.ackTo(), ErrorCodes.BAD_REQUEST, "a reaction names one of the Reaction values");
                }
                return answer(requestId, inbound.ackTo(), rooms.react(joined.room(), joined.participant(), reaction.get())
                        .thenApply(v -> verdictReply(requestId, v)), Optional.empty(), false);
            });
            case SEND_CHAT -> whenJoined(requestId, inbound.ackTo(), joined -> {
                var chat = message.getSendChat();
                Optional<ParticipantId> to;
                try {
                    to = chat.getToParticipantId().isEmpty() ? Optional.empty()
                            : Optional.of(new ParticipantId(chat.getToParticipantId()));
                } catch (IllegalArgumentException e) {
                    return refuse(requestId, inbound.ackTo(), ErrorCodes.BAD_REQUEST, e.getMessage());
                }
                return answer(requestId, inbound.ackTo(), rooms.postChat(joined.room(), joined.participant(), to, chat.getText())
                        .thenApply(v -> verdictReply(requestId, v)), Optional.empty(), false);
            });
            case CREATE_POLL -> whenJoined(requestId, inbound.ackTo(), joined -> {
                var create = message.getCreatePoll();
                PollQuestion question = new PollQuestion(create.getQuestion(), create.getChoicesList(), create.getAnonymous());
                Optional<String> problem = question.problem();
                if (problem.isPresent()) {
                    return refuse(requestId, inbound.ackTo(), ErrorCodes.BAD_REQUEST, problem.get());
                }
                return answer(requestId, inbound.ackTo(), rooms.createPoll(joined.room(), joined.participant(), question)
                        .thenApply(poll -> ack(requestId)), Optional.empty(), false);
            });
            case VOTE_POLL -> whenJoined(requestId, inbound.ackTo(), joined -> withPoll(requestId, inbound.ackTo(),
                    message.getVotePoll().getPollId(), poll -> rooms.vote(joined.room(), joined.participant(), poll,
                            message.getVotePoll().getChoice())));
            case CLOSE_POLL -> whenJoined(requestId, inbound.ackTo(), joined -> withPoll(requestId, inbound.ackTo(),
                    message.getClosePoll().getPollId(),
                    poll -> rooms.closePoll(joined.room(), new Authority.InRoom(joined.participant()), poll)));
            case ASK_TO_UNMUTE -> whenJoined(requestId, inbound.ackTo(), joined -> {
                Optional<MuteKind> kind = SignalMapping.kind(message.getAskToUnmute().getKind());
                if (kind.isEmpty()) {
                    return refuse(requestId, inbound.ackTo(), ErrorCodes.BAD_REQUEST, "kind is MUTE_KIND_AUDIO or MUTE_KIND_VIDEO");
                }
                return answer(requestId, inbound.ackTo(), rooms.askToUnmute(joined.room(), joined.participant(), kind.get())
                        .thenApply(v -> verdictReply(requestId, v)), Optional.empty(), false);
            });
            case ADMIT_KNOCK, REJECT_KNOCK, SET_LOBBY, SET_PASSWORD, GRANT_MODERATOR, KICK, LOWER_HAND, LOWER_ALL_HANDS,
                    END_CONFERENCE, DELETE_CHAT, MUTE_PARTICIPANT, SET_MEDIA_POLICY, ALLOW_UNMUTE ->
                    whenJoined(requestId, inbound.ackTo(), joined -> onModerate(requestId, joined, message, inbound.ackTo()));
            case LOBBY_CHAT -> onLobbyChat(requestId, message.getLobbyChat(), inbound.ackTo());
            case UPDATE_PROFILE -> whenJoined(requestId, inbound.ackTo(),
                    joined -> onUpdateProfile(requestId, joined.participant(), message.getUpdateProfile(), inbound.ackTo()));
            case SET_MEDIA -> whenJoined(requestId, inbound.ackTo(),
                    joined -> onSetMedia(requestId, joined, message.getSetMedia(), inbound.ackTo()));
            case PUBLISH_OFFER -> whenJoined(requestId, inbound.ackTo(),
                    joined -> onPublishOffer(requestId, joined, message.getPublishOffer(), inbound.ackTo()));
            case SUBSCRIBE_ANSWER -> whenJoined(requestId, inbound.ackTo(), joined -> answer(requestId, inbound.ackTo(),
                    media.answerSubscribe(joined.room(), joined.participant(), message.getSubscribeAnswer().getSdp(),
                                    message.getSubscribeAnswer().getVersion())
                            .thenApply(done -> ack(requestId)), Optional.empty(), false));
            case TRICKLE_CANDIDATE -> whenJoined(requestId, inbound.ackTo(), joined -> {
                var trickle = message.getTrickleCandidate();
                Optional<ConnectionKind> connection = SignalMapping.connection(trickle.getConnection());
                if (connection.isEmpty()) {
                    return refuse(requestId, inbound.ackTo(), ErrorCodes.BAD_REQUEST,
                            "a candidate names its connection: PEER_CONNECTION_KIND_PUBLISH or _SUBSCRIBE");
                }
                media.trickle(joined.room(), joined.participant(), connection.get(), trickle.getCandidate());
                inbound.ackTo().tell(FrameAck.INSTANCE);
                return this;
            });
            case SET_RECEIVE_CONSTRAINTS -> whenJoined(requestId, inbound.ackTo(), joined -> {
                var wanted = message.getSetReceiveConstraints();
                if (wanted.getMaxVideoHeight() < 0) {
                    return refuse(requestId, inbound.ackTo(), ErrorCodes.BAD_REQUEST,
                            "maxVideoHeight is 0 (no limit) or a positive number of pixels");
                }
                media.constrain(joined.room(), joined.participant(),
                        new ReceiveConstraints(wanted.getMaxVideoHeight(), wanted.getLowBandwidth()));
                send(ack(requestId));
                inbound.ackTo().tell(FrameAck.INSTANCE);
                return this;
            });
            case PING -> {
                send(ServerMessage.newBuilder().setRequestId(requestId).setPong(Pong.getDefaultInstance()).build());
                inbound.ackTo().tell(FrameAck.INSTANCE);
                yield this;
            }
            case BODY_NOT_SET -> refuse(requestId, inbound.ackTo(), ErrorCodes.BAD_REQUEST, "the frame carries no message");
        };
    }

    private Behavior<Command> onJoin(String requestId, ClientMessage message, ActorRef<FrameAck> ackTo) {
        if (session.isPresent()) {
            return refuse(requestId, ackTo, ErrorCodes.ALREADY_JOINED,
                    "this connection is already in room '" + session.get().room() + "'; leave first");
        }
        if (pending.isPresent()) {
            return refuse(requestId, ackTo, ErrorCodes.ALREADY_JOINED,
                    "this connection is already waiting to enter room '" + pending.get().room() + "'; leave first");
        }
        var join = message.getJoin();
        RoomName room;
        try {
            room = RoomName.parse(join.getRoom());
        } catch (IllegalArgumentException e) {
            return refuse(requestId, ackTo, ErrorCodes.BAD_REQUEST, e.getMessage());
        }
        if (join.getDisplayName().isBlank()) {
            return refuse(requestId, ackTo, ErrorCodes.BAD_REQUEST, "a display name is required to join");
        }
        if (!join.getAcceptedTerms()) {
            return refuse(requestId, ackTo, ErrorCodes.TERMS_NOT_ACCEPTED,
                    "please accept the terms of use to join (acceptedTerms: true)");
        }
        String language = join.getLanguage().isBlank() ? settings.defaultLanguage() : join.getLanguage();
        JoinRequest request = new JoinRequest(caller, join.getDisplayName(), language, join.getAudioMuted(),
                join.getVideoMuted(), join.getAcceptedTerms(),
                join.getPassword().isEmpty() ? Optional.empty() : Optional.of(join.getPassword()), clientAddress);
        heldUpdates = new ArrayList<>();
        getContext().pipeToSelf(rooms.join(room, request, listener),
                (entry, failure) -> new JoinAnswered(requestId, room, request, entry, failure, ackTo));
        return this;
    }

    /** Asks the door again for a held join: the host arrived, the lobby admitted us, or a heartbeat. */
    private void retryPendingJoin() {
        if (pending.isEmpty() || retrying) {
            return;
        }
        PendingJoin held = pending.get();
        retrying = true;
        heldUpdates = new ArrayList<>();
        getContext().pipeToSelf(rooms.join(held.room(), held.request(), listener),
                (entry, failure) -> new JoinAnswered(held.requestId(), held.room(), held.request(), entry, failure, null));
    }

    private Behavior<Command> onJoinAnswered(JoinAnswered answered) {
        retrying = false;
        boolean retry = answered.ackTo() == null;
        if (answered.failure() != null && retry && !(unwrap(answered.failure()) instanceof Refused)) {
            // A retry that found the service slow changes nothing: keep waiting, the next heartbeat asks again.
            getContext().getLog().debug("retrying a held join failed; still waiting", answered.failure());
        } else if (answered.failure() != null) {
            pending = Optional.empty();
            timers.cancel(HEARTBEAT);
            send(failureReply(answered.requestId(), answered.failure(), ErrorCodes.REFUSED));
        } else if (answered.entry() instanceof Entry.Entered entered) {
            pending = Optional.empty();
            session = Optional.of(entered.session());
            timers.startTimerWithFixedDelay(HEARTBEAT, Heartbeat.INSTANCE, settings.heartbeatInterval());
            send(SignalMapping.joined(answered.requestId(), entered.session(), settings.heartbeatInterval().toMillis()));
        } else {
            Entry.Waiting waiting = (Entry.Waiting) answered.entry();
            boolean news = pending.map(held -> !held.waiting().equals(waiting)).orElse(true);
            pending = Optional.of(new PendingJoin(answered.requestId(), answered.room(), answered.request(), waiting));
            // Heartbeats while waiting ask the door again: it finds us after a restart, and we it.
            timers.startTimerWithFixedDelay(HEARTBEAT, Heartbeat.INSTANCE, settings.heartbeatInterval());
            if (news) {
                send(SignalMapping.waiting(answered.requestId(), waiting));
            }
        }
        if (answered.ackTo() != null) {
            answered.ackTo().tell(FrameAck.INSTANCE);
        }
        releaseHeldUpdates();
        return this;
    }

    private Behavior<Command> stopWaiting(String requestId, ActorRef<FrameAck> ackTo) {
        PendingJoin held = pending.get();
        pending = Optional.empty();
        timers.cancel(HEARTBEAT);
        return answer(requestId, ackTo, rooms.withdraw(held.room(), caller.subject(), listener)
                .thenApply(done -> ack(requestId)), Optional.empty(), false);
    }

    private Behavior<Command> onModerate(String requestId, JoinedSession joined, ClientMessage message, ActorRef<FrameAck> ackTo) {
        Authority me = new Authority.InRoom(joined.participant());
        CompletionStage<Verdict> verdict;
        try {
            verdict = switch (message.getBodyCase()) {
                case ADMIT_KNOCK -> rooms.moderate(joined.room(), me,
                        new ModeratorAction.Admit(new KnockId(message.getAdmitKnock().getKnockId())));
                case REJECT_KNOCK -> rooms.moderate(joined.room(), me, new ModeratorAction.Reject(
                        new KnockId(message.getRejectKnock().getKnockId()), message.getRejectKnock().getMessage()));
                case SET_LOBBY -> rooms.moderate(joined.room(), me,
                        new ModeratorAction.SetLobby(message.getSetLobby().getEnabled()));
                case SET_PASSWORD -> rooms.setPassword(joined.room(), me, message.getSetPassword().getPassword());
                case GRANT_MODERATOR -> rooms.moderate(joined.room(), me,
                        new ModeratorAction.Promote(new ParticipantId(message.getGrantModerator().getParticipantId())));
                case KICK -> rooms.moderate(joined.room(), me, new ModeratorAction.Kick(
                        new ParticipantId(message.getKick().getParticipantId()), message.getKick().getBan(),
                        message.getKick().getMessage()));
                case LOWER_HAND -> rooms.moderate(joined.room(), me,
                        new ModeratorAction.LowerHand(new ParticipantId(message.getLowerHand().getParticipantId())));
                case LOWER_ALL_HANDS -> rooms.moderate(joined.room(), me, new ModeratorAction.LowerAllHands());
                case END_CONFERENCE -> rooms.moderate(joined.room(), me, new ModeratorAction.EndConference());
                case DELETE_CHAT -> rooms.moderate(joined.room(), me,
                        new ModeratorAction.DeleteChat(new ChatMessageId(message.getDeleteChat().getMessageId())));
                case MUTE_PARTICIPANT -> rooms.mute(joined.room(), me,
                        message.getMuteParticipant().getParticipantId().isEmpty() ? Optional.empty()
                                : Optional.of(new ParticipantId(message.getMuteParticipant().getParticipantId())),
                        SignalMapping.kind(message.getMuteParticipant().getKind()).orElseThrow(
                                () -> new IllegalArgumentException("kind is MUTE_KIND_AUDIO or MUTE_KIND_VIDEO")));
                case SET_MEDIA_POLICY -> rooms.moderate(joined.room(), me,
                        new ModeratorAction.SetMediaPolicy(SignalMapping.policy(message.getSetMediaPolicy().getPolicy())));
                case ALLOW_UNMUTE -> rooms.moderate(joined.room(), me, new ModeratorAction.AllowUnmute(
                        new ParticipantId(message.getAllowUnmute().getParticipantId()),
                        SignalMapping.kind(message.getAllowUnmute().getKind()).orElseThrow(
                                () -> new IllegalArgumentException("kind is MUTE_KIND_AUDIO or MUTE_KIND_VIDEO"))));
                default -> throw new IllegalStateException("not a moderator action: " + message.getBodyCase());
            };
        } catch (IllegalArgumentException e) {
            return refuse(requestId, ackTo, ErrorCodes.BAD_REQUEST, e.getMessage());
        }
        return answer(requestId, ackTo, verdict.thenApply(v -> verdictReply(requestId, v)), Optional.empty(), false);
    }

    /** A knocker writes to the moderators (no knock id), or a moderator to one knocker. */
    private Behavior<Command> onLobbyChat(String requestId, LobbyChat chat, ActorRef<FrameAck> ackTo) {
        if (chat.getKnockId().isEmpty()) {
            Optional<PendingJoin> inLobby = pending.filter(held -> held.waiting().reason() == Entry.WaitReason.LOBBY);
            if (inLobby.isEmpty()) {
                return refuse(requestId, ackTo, ErrorCodes.NOT_JOINED,
                        "only someone waiting in a lobby writes without a knockId");
            }
            return answer(requestId, ackTo, rooms.knockerSays(inLobby.get().room(), caller.subject(), chat.getText())
                    .thenApply(v -> verdictReply(requestId, v)), Optional.empty(), false);
        }
        return whenJoined(requestId, ackTo, joined -> {
            KnockId knock;
            try {
                knock = new KnockId(chat.getKnockId());
            } catch (IllegalArgumentException e) {
                return refuse(requestId, ackTo, ErrorCodes.BAD_REQUEST, e.getMessage());
            }
            return answer(requestId, ackTo, rooms.moderate(joined.room(), new Authority.InRoom(joined.participant()),
                            new ModeratorAction.LobbyReply(knock, chat.getText()))
                    .thenApply(v -> verdictReply(requestId, v)), Optional.empty(), false);
        });
    }

    private Behavior<Command> withPoll(String requestId, ActorRef<FrameAck> ackTo, String rawPoll,
            java.util.function.Function<PollId, CompletionStage<PollState>> action) {
        PollId poll;
        try {
            poll = new PollId(rawPoll);
        } catch (IllegalArgumentException e) {
            return refuse(requestId, ackTo, ErrorCodes.BAD_REQUEST, e.getMessage());
        }
        return answer(requestId, ackTo, action.apply(poll).thenApply(state -> ack(requestId)), Optional.empty(), false);
    }

    private static ServerMessage verdictReply(String requestId, Verdict verdict) {
        if (verdict instanceof Denied denied) {
            return SignalMapping.error(requestId, SignalMapping.code(denied.denial()), denied.reason());
        }
        return ack(requestId);
    }

    private Behavior<Command> onResume(String requestId, ClientMessage message, ActorRef<FrameAck> ackTo) {
        if (session.isPresent()) {
            return refuse(requestId, ackTo, ErrorCodes.ALREADY_JOINED, "this connection is already in a room");
        }
        var resume = message.getResume();
        RoomName room;
        ParticipantId participant;
        try {
            room = RoomName.parse(resume.getRoom());
            participant = new ParticipantId(resume.getParticipantId());
        } catch (IllegalArgumentException e) {
            return refuse(requestId, ackTo, ErrorCodes.BAD_REQUEST, e.getMessage());
        }
        if (pending.isPresent()) {
            return refuse(requestId, ackTo, ErrorCodes.ALREADY_JOINED, "this connection is waiting to enter a room");
        }
        CompletionStage<JoinedSession> resumed =
                rooms.resume(room, participant, new ResumeToken(resume.getResumeToken()), listener);
        return answerJoin(requestId, ackTo, resumed, ErrorCodes.RESUME_FAILED);
    }

    private Behavior<Command> answerJoin(
            String requestId, ActorRef<FrameAck> ackTo, CompletionStage<JoinedSession> joining, String refusalCode) {
        heldUpdates = new ArrayList<>();
        long heartbeatMillis = settings.heartbeatInterval().toMillis();
        getContext().pipeToSelf(joining, (joined, failure) -> failure == null
                ? new Answered(SignalMapping.joined(requestId, joined, heartbeatMillis), Optional.of(joined), false, ackTo)
                : new Answered(failureReply(requestId, failure, refusalCode), Optional.empty(), false, ackTo));
        return this;
    }

    private Behavior<Command> onUpdateProfile(
            String requestId, ParticipantId participant, UpdateProfile update, ActorRef<FrameAck> ackTo) {
        CompletionStage<?> done = CompletableFuture.completedFuture(Done.getInstance());
        if (update.hasDisplayName()) {
            done = done.thenCompose(d -> rooms.changeDisplayName(participant, update.getDisplayName()));
        }
        if (update.hasLanguage()) {
            done = done.thenCompose(d -> rooms.changeLanguage(participant, update.getLanguage()));
        }
        return answer(requestId, ackTo, done.thenApply(d -> ack(requestId)), Optional.empty(), false);
    }

    private Behavior<Command> onSetMedia(String requestId, JoinedSession joined, SetMedia media, ActorRef<FrameAck> ackTo) {
        ParticipantId participant = joined.participant();
        CompletionStage<?> done = CompletableFuture.completedFuture(Done.getInstance());
        if (media.hasAudioMuted()) {
            done = done.thenCompose(d -> rooms.setAudioMuted(joined.room(), participant, media.getAudioMuted()));
        }
        if (media.hasVideoMuted()) {
            done = done.thenCompose(d -> rooms.setVideoMuted(joined.room(), participant, media.getVideoMuted()));
        }
        return answer(requestId, ackTo, done.thenApply(d -> ack(requestId)), Optional.empty(), false);
    }

    private Behavior<Command> onPublishOffer(
            String requestId, JoinedSession joined, PublishOffer offer, ActorRef<FrameAck> ackTo) {
        Optional<List<PublishedTrack>> tracks = SignalMapping.publishedTracks(offer.getTracksList());
        if (tracks.isEmpty()) {
            return refuse(requestId, ackTo, ErrorCodes.BAD_REQUEST,
                    "every published track names its mid and its source (microphone, camera or screen)");
        }
        CompletionStage<ServerMessage> answered = media
                .publish(joined.room(), joined.participant(), offer.getSdp(), tracks.get(), mediaSignals)
                .thenApply(sdp -> SignalMapping.publishAnswer(requestId, sdp));
        return answer(requestId, ackTo, answered, Optional.empty(), false);
    }

    private Behavior<Command> onUpdate(Update update) {
        if (heldUpdates != null) {
            heldUpdates.add(update.update());
            return this;
        }
        handle(update.update());
        return this;
    }

    /**
     * Room updates go to the browser; the person's own mute state also goes to the media plane; news
     * for a held join (host arrived, lobby answered) moves it on; one's own removal ends the session.
     */
    private void handle(RoomUpdate update) {
        if (update instanceof RoomUpdate.HostArrived) {
            retryPendingJoin();
            return;
        }
        if (update instanceof RoomUpdate.KnockAnswered answered && isMyKnock(answered)) {
            onMyKnockAnswered(answered);
            return;
        }
        if (update instanceof RoomUpdate.Kicked kicked && session.isPresent()
                && kicked.participant().equals(session.get().participant())) {
            media.leave(session.get().room(), kicked.participant());
            session = Optional.empty();
            timers.cancel(HEARTBEAT);
            send(SignalMapping.kicked(kicked));
            return;
        }
        if (update instanceof RoomUpdate.Ended && (session.isPresent() || pending.isPresent())) {
            // A moderator ended it for everyone: this connection is out (it may join a new one later).
            session.ifPresent(joined -> {
                media.leave(joined.room(), joined.participant());
                rooms.leave(joined.participant());
            });
            session = Optional.empty();
            pending = Optional.empty();
            timers.cancel(HEARTBEAT);
            send(SignalMapping.update(update));
            return;
        }
        if (update instanceof RoomUpdate.PollChanged changed) {
            session.ifPresent(joined -> getContext().pipeToSelf(rooms.pollOf(joined.room(), new PollId(changed.pollId())),
                    (poll, failure) -> failure == null ? new PollRead(poll) : PollUnread.INSTANCE));
            return;
        }
        if (update instanceof RoomUpdate.ParticipantUpdated changed && session.isPresent()
                && changed.participant().equals(session.get().participant())) {
            media.mediaState(session.get().room(), changed.participant(), changed.audioMuted(), changed.videoMuted());
        }
        send(SignalMapping.update(update));
    }

    private boolean isMyKnock(RoomUpdate.KnockAnswered answered) {
        return pending.flatMap(held -> held.waiting().knock()).map(answered.knock()::equals).orElse(false);
    }

    private void onMyKnockAnswered(RoomUpdate.KnockAnswered answered) {
        switch (answered.outcome()) {
            case ADMITTED -> retryPendingJoin();
            case REJECTED -> {
                String requestId = pending.get().requestId();
                pending = Optional.empty();
                timers.cancel(HEARTBEAT);
                send(SignalMapping.error(requestId, ErrorCodes.REJECTED, answered.message().isBlank()
                        ? "a moderator declined your request to join" : answered.message()));
            }
            case WITHDRAWN -> { }
        }
    }

    private void releaseHeldUpdates() {
        if (heldUpdates == null) {
            return;
        }
        List<RoomUpdate> held = heldUpdates;
        heldUpdates = null;
        held.forEach(this::handle);
    }

    /**
     * The place in the conference outlives the socket (grace period); the media connections don't, and
     * neither does a place in the lobby.
     */
    private Behavior<Command> onSocketGone() {
        session.ifPresent(joined -> media.leave(joined.room(), joined.participant()));
        pending.ifPresent(held -> rooms.withdraw(held.room(), caller.subject(), listener));
        return Behaviors.stopped();
    }

    private Behavior<Command> answer(String requestId, ActorRef<FrameAck> ackTo, CompletionStage<ServerMessage> reply,
            Optional<JoinedSession> joined, boolean leaving) {
        getContext().pipeToSelf(reply, (message, failure) -> failure == null
                ? new Answered(message, joined, leaving, ackTo)
                : new Answered(failureReply(requestId, failure, ErrorCodes.REFUSED), Optional.empty(), false, ackTo));
        return this;
    }

    private Behavior<Command> onAnswered(Answered answered) {
        if (answered.joined().isPresent()) {
            session = answered.joined();
            timers.startTimerWithFixedDelay(HEARTBEAT, Heartbeat.INSTANCE, settings.heartbeatInterval());
        }
        if (answered.left()) {
            session.ifPresent(joined -> media.leave(joined.room(), joined.participant()));
            session = Optional.empty();
            timers.cancel(HEARTBEAT);
        }
        send(answered.reply());
        releaseHeldUpdates();
        answered.ackTo().tell(FrameAck.INSTANCE);
        return this;
    }

    private Behavior<Command> onHeartbeat() {
        if (pending.isPresent()) {
            retryPendingJoin();
            return this;
        }
        session.ifPresent(joined -> getContext().pipeToSelf(
                rooms.heartbeat(joined.room(), joined.participant(), listener),
                (done, failure) -> failure == null ? HeartbeatRenewed.INSTANCE : new HeartbeatFailed(failure)));
        return this;
    }

    private Behavior<Command> onHeartbeatFailed(HeartbeatFailed failed) {
        if (unwrap(failed.cause()) instanceof Refused && session.isPresent()) {
            // The place ran out (e.g. the connection froze longer than the grace period): say so once.
            session = Optional.empty();
            timers.cancel(HEARTBEAT);
            send(SignalMapping.error("", ErrorCodes.NOT_JOINED, "your place in the conference has expired; join again"));
        }
        return this;
    }

    private Behavior<Command> whenJoined(
            String requestId, ActorRef<FrameAck> ackTo, java.util.function.Function<JoinedSession, Behavior<Command>> action) {
        if (session.isEmpty()) {
            return refuse(requestId, ackTo, ErrorCodes.NOT_JOINED, "join a room first");
        }
        return action.apply(session.get());
    }

    private Behavior<Command> refuse(String requestId, ActorRef<FrameAck> ackTo, String code, String text) {
        send(SignalMapping.error(requestId, code, text));
        ackTo.tell(FrameAck.INSTANCE);
        return this;
    }

    /** Every engine failure becomes one browser error, here and nowhere else. */
    private ServerMessage failureReply(String requestId, Throwable failure, String refusalCode) {
        Throwable cause = unwrap(failure);
        if (cause instanceof AccessRefused refused) {
            return SignalMapping.error(requestId, SignalMapping.code(refused.denial()), refused.getMessage());
        }
        if (cause instanceof Refused refused) {
            return SignalMapping.error(requestId, refusalCode, refused.getMessage());
        }
        if (cause instanceof StoreUnavailable || cause instanceof TimeoutException) {
            return SignalMapping.error(requestId, ErrorCodes.UNAVAILABLE, cause.getMessage() == null
                    ? "the service is not answering; please try again in a moment" : cause.getMessage());
        }
        getContext().getLog().error("signalling request {} failed", requestId, cause);
        return SignalMapping.error(requestId, ErrorCodes.INTERNAL, "something went wrong on our side; please try again");
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static ServerMessage ack(String requestId) {
        return ServerMessage.newBuilder().setRequestId(requestId).setAck(Ack.getDefaultInstance()).build();
    }

    private void send(ServerMessage message) {
        out.tell(new Outbound.Send(message));
    }
}

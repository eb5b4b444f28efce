package org.parley.engine.rooms;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import org.apache.pekko.pattern.StatusReply;
import org.parley.engine.conference.Authority;
import org.parley.engine.conference.Conference;
import org.parley.engine.conference.Denial;
import org.parley.engine.conference.Denied;
import org.parley.engine.conference.JoinOutcome;
import org.parley.engine.conference.Knock;
import org.parley.engine.conference.ModeratorAction;
import org.parley.engine.conference.MediaPolicy;
import org.parley.engine.conference.MuteKind;
import org.parley.engine.conference.PasswordHash;
import org.parley.engine.conference.Role;
import org.parley.engine.conference.Reaction;
import org.parley.engine.conference.Verdict;
import org.parley.engine.conference.ConferenceState;
import org.parley.engine.conference.Initiator;
import org.parley.engine.conference.LeaveReason;
import org.parley.engine.conference.Member;
import org.parley.engine.conference.ParticipantId;
import org.parley.engine.conference.Phase;
import org.parley.engine.conference.RoomName;
import org.parley.engine.conference.RoomUpdate;
import org.parley.engine.participant.Participant;
import org.parley.engine.participant.ParticipantState;
import org.parley.engine.participant.ResumeToken;
import org.parley.engine.poll.Poll;
import org.parley.engine.poll.PollId;
import org.parley.engine.poll.PollQuestion;
import org.parley.engine.poll.PollState;

/**
 * What the edge may ask of the engine, as futures. It orchestrates the two entities a join touches
 * (the conference admits, the participant records the person) and turns entity refusals into
 * {@link Refused} and silence into {@link StoreUnavailable}.
 */
public final class Rooms {

    private final ClusterSharding sharding;
    private final Duration askTimeout;
    private final StoreMonitor store;
    private final ActorRef<StatusReply<Done>> ignore;
    private final ActorRef<StatusReply<ParticipantState>> ignoreState;
    private final PasswordThrottle throttle;
    private final PasswordWork passwords = new PasswordWork();

    public Rooms(ActorSystem<?> system, ClusterSharding sharding, Duration askTimeout, StoreMonitor store, Clock clock) {
        this.sharding = sharding;
        this.throttle = new PasswordThrottle(clock);
        this.ignore = system.ignoreRef();
        this.ignoreState = system.ignoreRef();
        this.askTimeout = askTimeout;
        this.store = store;
    }

    /**
     * Asks the conference to let a person in: checked against bans, the password (slow hash, off the
     * actors, throttled per room and address) and the lobby there; a guest may have to wait for a host.
     */
    public CompletionStage<Entry> join(RoomName room, JoinRequest request, ActorRef<RoomUpdate> listener) {
        if (!request.acceptedTerms()) {
            // Refused before anything is recorded: nobody is admitted on the way to a refusal.
            return CompletableFuture.failedFuture(new Refused(Participant.TERMS_REQUIRED));
        }
        if (store.isKnownDown()) {
            return CompletableFuture.failedFuture(storeDown());
        }
        EntityRef<Conference.Command> conference = conferenceEntity(room);
        CompletionStage<ConferenceState> state = translated(conference.ask(Conference.GetState::new, askTimeout));
        return state.thenCompose(current -> passwordProof(room, current, request))
                .thenCompose(proof -> {
                    ParticipantId participant = ParticipantId.random();
                    CompletionStage<JoinOutcome> outcome = ask(conference, replyTo -> new Conference.Join(
                            participant, request.displayName(), request.caller(), proof, listener, replyTo));
                    return outcome.thenCompose(result -> enter(room, participant, request, result));
                });
    }

    private CompletionStage<Entry> enter(RoomName room, ParticipantId participant, JoinRequest request, JoinOutcome outcome) {
        if (outcome instanceof JoinOutcome.WaitingForHost) {
            return CompletableFuture.completedFuture(new Entry.Waiting(Entry.WaitReason.HOST, Optional.empty()));
        }
        if (outcome instanceof JoinOutcome.InLobby lobby) {
            return CompletableFuture.completedFuture(new Entry.Waiting(Entry.WaitReason.LOBBY, Optional.of(lobby.knock())));
        }
        if (outcome instanceof Denied denied) {
            return CompletableFuture.failedFuture(new AccessRefused(denied.denial(), denied.reason()));
        }
        JoinOutcome.Admitted admission = (JoinOutcome.Admitted) outcome;
        ResumeToken token = ResumeToken.random();
        return ask(participantEntity(participant),
                        (ActorRef<StatusReply<ParticipantState>> replyTo) -> new Participant.Register(room,
                                request.displayName(), request.language(),
                                request.audioMuted() || startsMuted(admission, MuteKind.AUDIO),
                                request.videoMuted() || startsMuted(admission, MuteKind.VIDEO),
                                request.acceptedTerms(), token.hash(), replyTo))
                .handle((registered, failure) -> {
                    if (failure != null) {
                        // The conference admitted someone who could not be recorded: take them out again.
                        conferenceEntity(room).tell(new Conference.Leave(participant, LeaveReason.LEFT, ignore));
                        throw new CompletionException(failure);
                    }
                    return admission;
                })
                .thenCompose(admitted -> view(admitted.conference()))
                .thenApply(view -> new Entry.Entered(new JoinedSession(room, participant, token, admission.role(), view)));
    }

    /** "Everyone starts muted" / "with the camera off" applies to newcomers who do not moderate. */
    private static boolean startsMuted(JoinOutcome.Admitted admission, MuteKind kind) {
        MediaPolicy policy = admission.conference().media().policy();
        boolean rule = kind == MuteKind.AUDIO ? policy.startAudioMuted() : policy.startVideoMuted();
        return rule && admission.role() != Role.MODERATOR;
    }

    /**
     * The room's password hash the person's password matches, when the room has one and they need
     * it; checked here, off the conference's thread. The conference checks the proof is still current.
     */
    private CompletionStage<Optional<PasswordHash>> passwordProof(RoomName room, ConferenceState state, JoinRequest request) {
        Optional<PasswordHash> password = state.access().password();
        if (password.isEmpty() || !state.isInProgress() || state.mayPassTheDoor(request.caller())) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        Optional<String> attempt = request.password().filter(p -> !p.isEmpty());
        if (attempt.isEmpty()) {
            return CompletableFuture.failedFuture(
                    new AccessRefused(Denial.PASSWORD_REQUIRED, "this conference has a password; please enter it"));
        }
        Optional<Duration> wait = throttle.waitBeforeTrying(room.value(), request.clientAddress());
        if (wait.isPresent()) {
            return CompletableFuture.failedFuture(new AccessRefused(Denial.TOO_MANY_ATTEMPTS,
                    "too many wrong passwords; try again in " + Math.max(1, wait.get().toSeconds()) + " seconds"));
        }
        return passwords.matches(password.get(), attempt.get()).thenApply(right -> {
            if (!right) {
                throttle.failed(room.value(), request.clientAddress());
                throw new AccessRefused(Denial.WRONG_PASSWORD, "that is not this conference's password");
            }
            throttle.succeeded(room.value(), request.clientAddress());
            return password;
        });
    }

    /** A moderator action, decided by the conference; a kicked person's Participant departs too. */
    public CompletionStage<Verdict> moderate(RoomName room, Authority by, ModeratorAction action) {
        if (store.isKnownDown()) {
            return CompletableFuture.failedFuture(storeDown());
        }
        CompletionStage<Verdict> verdict = ask(conferenceEntity(room),
                (ActorRef<StatusReply<Verdict>> replyTo) -> new Conference.Moderate(by, action, replyTo));
        if (action instanceof ModeratorAction.Kick kick) {
            return verdict.thenApply(result -> {
                if (result instanceof Verdict.Accepted) {
                    participantEntity(kick.participant()).tell(new Participant.Leave(LeaveReason.KICKED, ignore));
                }
                return result;
            });
        }
        return verdict;
    }

    /** Sets (or with an empty one, removes) the room password; hashed here, never passed on in clear. */
    public CompletionStage<Verdict> setPassword(RoomName room, Authority by, String password) {
        if (password.isEmpty()) {
            return moderate(room, by, new ModeratorAction.SetPassword(Optional.empty()));
        }
        if (password.isBlank() || password.length() > PasswordHash.MAX_PASSWORD_LENGTH) {
            return CompletableFuture.completedFuture(new Denied(Denial.INVALID,
                    "a room password is 1 to " + PasswordHash.MAX_PASSWORD_LENGTH + " characters, not only spaces"));
        }
        return passwords.hash(password)
                .thenCompose(hash -> moderate(room, by, new ModeratorAction.SetPassword(Optional.of(hash))));
    }

    /** Who is knocking, for someone who moderates the room (refused with FORBIDDEN otherwise). */
    public CompletionStage<List<Knock>> knocks(RoomName room, Authority by) {
        return moderatorView(room, by).thenApply(state -> state.access().knocks());
    }

    /** The room's state for someone who moderates it: refused with FORBIDDEN, and nothing shown, otherwise. */
    public CompletionStage<ConferenceState> moderatorView(RoomName room, Authority by) {
        if (store.isKnownDown()) {
            return CompletableFuture.failedFuture(storeDown());
        }
        return translated(conferenceEntity(room).ask(Conference.GetState::new, askTimeout)).thenApply(state -> {
            if (!state.mayModerate(by)) {
                throw new AccessRefused(Denial.FORBIDDEN, "only a moderator of this conference can see that");
            }
            return state;
        });
    }

    public CompletionStage<Verdict> setHand(RoomName room, ParticipantId participant, boolean raised) {
        return ask(conferenceEntity(room),
                (ActorRef<StatusReply<Verdict>> replyTo) -> new Conference.SetHand(participant, raised, replyTo));
    }

    public CompletionStage<Verdict> postChat(RoomName room, ParticipantId from, Optional<ParticipantId> to, String text) {
        return ask(conferenceEntity(room),
                (ActorRef<StatusReply<Verdict>> replyTo) -> new Conference.PostChat(from, to, text, replyTo));
    }

    public CompletionStage<Verdict> react(RoomName room, ParticipantId participant, Reaction reaction) {
        return ask(conferenceEntity(room),
                (ActorRef<StatusReply<Verdict>> replyTo) -> new Conference.React(participant, reaction, replyTo));
    }

    public CompletionStage<Verdict> knockerSays(RoomName room, String subject, String text) {
        return ask(conferenceEntity(room),
                (ActorRef<StatusReply<Verdict>> replyTo) -> new Conference.KnockerSays(subject, text, replyTo));
    }

    /** Stops waiting for a host or in the lobby (the knock is withdrawn). */
    public CompletionStage<Done> withdraw(RoomName room, String subject, ActorRef<RoomUpdate> listener) {
        return ask(conferenceEntity(room),
                (ActorRef<StatusReply<Done>> replyTo) -> new Conference.Withdraw(subject, listener, replyTo));
    }

    /** Takes back a place kept during the grace period; refused once it has run out. */
    public CompletionStage<JoinedSession> resume(
            RoomName room, ParticipantId participant, ResumeToken token, ActorRef<RoomUpdate> listener) {
        return ask(participantEntity(participant),
                        (ActorRef<StatusReply<ParticipantState>> replyTo) -> new Participant.Resume(token, replyTo))
                .thenCompose(state -> {
                    if (!state.room().map(room::equals).orElse(false)) {
                        throw new Refused("this participant belongs to another room");
                    }
                    return ask(conferenceEntity(room),
                            (ActorRef<StatusReply<ConferenceState>> replyTo) ->
                                    new Conference.Subscribe(participant, listener, replyTo));
                })
                .thenCompose(conference -> view(conference).thenApply(view -> new JoinedSession(room, participant,
                        token, conference.member(participant).orElseThrow().role(), view)));
    }

    /** Renews presence and the subscription to live updates (which also finds a restarted conference). */
    public CompletionStage<Done> heartbeat(RoomName room, ParticipantId participant, ActorRef<RoomUpdate> listener) {
        CompletionStage<Done> alive = ask(participantEntity(participant), Participant.KeepAlive::new);
        CompletionStage<ConferenceState> subscribed = ask(conferenceEntity(room),
                (ActorRef<StatusReply<ConferenceState>> replyTo) ->
                        new Conference.Subscribe(participant, listener, replyTo));
        return alive.thenCombine(subscribed, (a, b) -> Done.getInstance());
    }

    public CompletionStage<Done> leave(ParticipantId participant) {
        return ask(participantEntity(participant),
                (ActorRef<StatusReply<Done>> replyTo) -> new Participant.Leave(LeaveReason.LEFT, replyTo));
    }

    public CompletionStage<ParticipantState> changeDisplayName(ParticipantId participant, String displayName) {
        return ask(participantEntity(participant), replyTo -> new Participant.ChangeDisplayName(displayName, replyTo));
    }

    public CompletionStage<ParticipantState> changeLanguage(ParticipantId participant, String language) {
        return ask(participantEntity(participant), replyTo -> new Participant.ChangeLanguage(language, replyTo));
    }

    /** One's own microphone; turning it back on may need a moderator's leave ("ask to unmute"). */
    public CompletionStage<ParticipantState> setAudioMuted(RoomName room, ParticipantId participant, boolean muted) {
        return mayUnmute(room, participant, MuteKind.AUDIO, muted).thenCompose(ok -> ask(participantEntity(participant),
                replyTo -> new Participant.SetAudioMuted(muted, Initiator.participant(participant), replyTo)));
    }

    public CompletionStage<ParticipantState> setVideoMuted(RoomName room, ParticipantId participant, boolean muted) {
        return mayUnmute(room, participant, MuteKind.VIDEO, muted).thenCompose(ok -> ask(participantEntity(participant),
                replyTo -> new Participant.SetVideoMuted(muted, Initiator.participant(participant), replyTo)));
    }

    private CompletionStage<Done> mayUnmute(RoomName room, ParticipantId participant, MuteKind kind, boolean muting) {
        if (muting) {
            return CompletableFuture.completedFuture(Done.getInstance());
        }
        return ask(conferenceEntity(room),
                (ActorRef<StatusReply<Verdict>> replyTo) -> new Conference.MayUnmute(participant, kind, replyTo))
                .thenApply(verdict -> {
                    if (verdict instanceof Denied denied) {
                        throw new AccessRefused(denied.denial(), denied.reason());
                    }
                    return Done.getInstance();
                });
    }

    /**
     * A moderator mutes one person or everyone who does not moderate: the conference records it, then
     * each person's Participant records its own mute (which the media plane enforces).
     */
    public CompletionStage<Verdict> mute(RoomName room, Authority by, Optional<ParticipantId> who, MuteKind kind) {
        return moderate(room, by, new ModeratorAction.Mute(who, kind)).thenCompose(verdict -> {
            if (!(verdict instanceof Verdict.Accepted)) {
                return CompletableFuture.completedFuture(verdict);
            }
            CompletionStage<List<ParticipantId>> targets = who.isPresent()
                    ? CompletableFuture.completedFuture(List.of(who.get()))
                    : translated(conferenceEntity(room).ask(Conference.GetState::new, askTimeout))
                            .thenApply(ConferenceState::mutedByEveryone);
            return targets.thenApply(list -> {
                list.forEach(target -> participantEntity(target).tell(kind == MuteKind.AUDIO
                        ? new Participant.SetAudioMuted(true, by.initiator(), ignoreState)
                        : new Participant.SetVideoMuted(true, by.initiator(), ignoreState)));
                return verdict;
            });
        });
    }

    public CompletionStage<Verdict> askToUnmute(RoomName room, ParticipantId participant, MuteKind kind) {
        return ask(conferenceEntity(room),
                (ActorRef<StatusReply<Verdict>> replyTo) -> new Conference.AskToUnmute(participant, kind, replyTo));
    }

    /** The room as people see it, or empty when nothing ever happened there. */
    public CompletionStage<Optional<ConferenceView>> conference(RoomName room) {
        if (store.isKnownDown()) {
            return CompletableFuture.failedFuture(storeDown());
        }
        CompletionStage<ConferenceState> state = conferenceEntity(room).ask(Conference.GetState::new, askTimeout);
        return translated(state.thenCompose(s -> s.phase() == Phase.NOT_STARTED
                ? CompletableFuture.completedFuture(Optional.<ConferenceView>empty())
                : view(s).thenApply(Optional::of)));
    }

    private CompletionStage<ConferenceView> view(ConferenceState state) {
        List<CompletableFuture<RosterEntry>> entries = state.roster().stream()
                .map(member -> participantEntity(member.id())
                        .ask(Participant.GetState::new, askTimeout)
                        .thenApply(profile -> rosterEntry(member, profile))
                        .toCompletableFuture())
                .toList();
        CompletableFuture<List<PollState>> polls = pollStates(state).toCompletableFuture();
        return CompletableFuture.allOf(entries.toArray(CompletableFuture[]::new)).thenCombine(polls, (done, pollList) ->
                new ConferenceView(state.room(), state.phase(), state.instance(), state.startedAt(),
                        state.endedAt(), entries.stream().map(CompletableFuture::join).toList(),
                        state.access().lobbyEnabled(), state.access().passwordSet(), state.access().knocks(),
                        state.raisedHands(), state.chat(), state.media().policy(), pollList));
    }

    private CompletionStage<List<PollState>> pollStates(ConferenceState state) {
        List<CompletableFuture<PollState>> polls = state.polls().stream()
                .map(id -> pollEntity(new PollId(id)).ask(Poll.GetState::new, askTimeout).toCompletableFuture())
                .toList();
        return CompletableFuture.allOf(polls.toArray(CompletableFuture[]::new))
                .thenApply(done -> polls.stream().map(CompletableFuture::join).toList());
    }

    // ---- polls ----

    /** A participant asks a question of the room; everyone is told and can vote. */
    public CompletionStage<PollState> createPoll(RoomName room, ParticipantId creator, PollQuestion question) {
        return member(room, creator).thenCompose(member -> {
            PollId id = PollId.random();
            CompletionStage<PollState> created = ask(pollEntity(id), (ActorRef<StatusReply<PollState>> replyTo) ->
                    new Poll.Create(room, creator, member.displayNameAtJoin(), question, replyTo));
            return created.thenCompose(poll -> pollChanged(room, id).thenApply(done -> poll));
        });
    }

    /** One vote per person; voting again replaces one's vote, until the poll is closed. */
    public CompletionStage<PollState> vote(RoomName room, ParticipantId voter, PollId poll, int choice) {
        return member(room, voter).thenCompose(member -> pollOf(room, poll))
                .thenCompose(found -> ask(pollEntity(poll),
                        (ActorRef<StatusReply<PollState>> replyTo) -> new Poll.Vote(voter, choice, replyTo)))
                .thenCompose(after -> pollChanged(room, poll).thenApply(done -> after));
    }

    /** The poll's creator or a moderator closes it; results stay visible. */
    public CompletionStage<PollState> closePoll(RoomName room, Authority by, PollId poll) {
        CompletionStage<ConferenceState> conference = translated(conferenceEntity(room).ask(Conference.GetState::new, askTimeout));
        return conference.thenCombine(pollOf(room, poll), (state, found) -> {
            boolean creator = by instanceof Authority.InRoom inRoom && found.creator().map(inRoom.participant()::equals).orElse(false);
            if (!creator && !state.mayModerate(by)) {
                throw new AccessRefused(Denial.FORBIDDEN, "only the poll's creator or a moderator can close it");
            }
            return found;
        }).thenCompose(found -> ask(pollEntity(poll),
                        (ActorRef<StatusReply<PollState>> replyTo) -> new Poll.Close(by.initiator(), replyTo)))
                .thenCompose(after -> pollChanged(room, poll).thenApply(done -> after));
    }

    /** A poll of this room (refused for a poll of another room). */
    public CompletionStage<PollState> pollOf(RoomName room, PollId poll) {
        return translated(pollEntity(poll).ask(Poll.GetState::new, askTimeout)).thenApply(state -> {
            if (!state.room().map(room::equals).orElse(false)) {
                throw new AccessRefused(Denial.NOT_IN_CONFERENCE, "no such poll in this conference");
            }
            return state;
        });
    }

    private CompletionStage<Member> member(RoomName room, ParticipantId participant) {
        return translated(conferenceEntity(room).ask(Conference.GetState::new, askTimeout)).thenApply(state ->
                state.member(participant).orElseThrow(() -> new AccessRefused(Denial.NOT_IN_CONFERENCE, "join the conference first")));
    }

    private CompletionStage<Done> pollChanged(RoomName room, PollId poll) {
        return ask(conferenceEntity(room),
                (ActorRef<StatusReply<Done>> replyTo) -> new Conference.PollChanged(poll.value(), replyTo));
    }

    private EntityRef<Poll.Command> pollEntity(PollId poll) {
        return sharding.entityRefFor(Poll.ENTITY_TYPE_KEY, poll.value());
    }

    /** Until the Participant has recorded the person (a moment after admission), the name at the door stands. */
    private static RosterEntry rosterEntry(Member member, ParticipantState profile) {
        if (!profile.isRegistered()) {
            return new RosterEntry(member.id(), member.displayNameAtJoin(), member.role(), member.joinedAt(), "",
                    false, false);
        }
        return new RosterEntry(member.id(), profile.displayName(), member.role(), member.joinedAt(),
                profile.language(), profile.audioMuted(), profile.videoMuted());
    }

    private EntityRef<Conference.Command> conferenceEntity(RoomName room) {
        return sharding.entityRefFor(Conference.ENTITY_TYPE_KEY, room.value());
    }

    private EntityRef<Participant.Command> participantEntity(ParticipantId participant) {
        return sharding.entityRefFor(Participant.ENTITY_TYPE_KEY, participant.value());
    }

    private <C, T> CompletionStage<T> ask(EntityRef<C> entity, Function<ActorRef<StatusReply<T>>, C> command) {
        CompletionStage<StatusReply<T>> reply = entity.ask(command::apply, askTimeout);
        return translated(reply.thenApply(StatusReply::getValue));
    }

    private <T> CompletionStage<T> translated(CompletionStage<T> asked) {
        return asked.exceptionally(failure -> {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause instanceof StatusReply.ErrorMessage refusal) {
                throw new Refused(refusal.getMessage());
            }
            if (cause instanceof TimeoutException) {
                throw store.isKnownDown() ? storeDown() : new StoreUnavailable(
                        "the conference service did not answer in time; please try again");
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new CompletionException(cause);
        });
    }

    private static StoreUnavailable storeDown() {
        return new StoreUnavailable("the conference store is unreachable; please try again in a moment");
    }
}

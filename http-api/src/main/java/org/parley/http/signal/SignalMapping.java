package org.parley.http.signal;

import com.google.protobuf.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.parley.engine.conference.Denial;
import org.parley.engine.conference.Knock;
import org.parley.engine.conference.LeaveReason;
import org.parley.engine.conference.ParticipantId;
import org.parley.engine.conference.Member;
import org.parley.engine.conference.Role;
import org.parley.engine.conference.RoomUpdate;
import org.parley.engine.media.ConnectionKind;
import org.parley.engine.media.ForwardedTrack;
import org.parley.engine.media.MediaSignal;
import org.parley.engine.media.PublishedTrack;
import org.parley.engine.rooms.ConferenceView;
import org.parley.engine.rooms.Entry;
import org.parley.engine.rooms.JoinedSession;
import org.parley.engine.rooms.RosterEntry;
import org.parley.http.signal.v1.Access;
import org.parley.http.signal.v1.AccessChanged;
import org.parley.http.signal.v1.ChatDeleted;
import org.parley.http.signal.v1.ChatMessage;
import org.parley.http.signal.v1.Conference;
import org.parley.engine.poll.PollQuestion;
import org.parley.engine.poll.PollState;
import org.parley.http.signal.v1.HandsChanged;
import org.parley.http.signal.v1.Poll;
import org.parley.http.signal.v1.PollUpdated;
import org.parley.http.signal.v1.PollVote;
import org.parley.http.signal.v1.MediaPolicy;
import org.parley.http.signal.v1.MediaPolicyChanged;
import org.parley.http.signal.v1.MuteKind;
import org.parley.http.signal.v1.MutedByModerator;
import org.parley.http.signal.v1.UnmuteAllowed;
import org.parley.http.signal.v1.UnmuteAsked;
import org.parley.http.signal.v1.Kicked;
import org.parley.http.signal.v1.Reacted;
import org.parley.http.signal.v1.KnockOutcome;
import org.parley.http.signal.v1.KnockReceived;
import org.parley.http.signal.v1.KnockResolved;
import org.parley.http.signal.v1.LobbyChatMessage;
import org.parley.http.signal.v1.LobbyKnock;
import org.parley.http.signal.v1.WaitReason;
import org.parley.http.signal.v1.Waiting;
import org.parley.http.signal.v1.ConferenceEnded;
import org.parley.http.signal.v1.Error;
import org.parley.http.signal.v1.Joined;
import org.parley.http.signal.v1.MediaSource;
import org.parley.http.signal.v1.PeerConnectionKind;
import org.parley.http.signal.v1.PublishAnswer;
import org.parley.http.signal.v1.Participant;
import org.parley.http.signal.v1.ParticipantJoined;
import org.parley.http.signal.v1.ParticipantLeft;
import org.parley.http.signal.v1.ParticipantUpdated;
import org.parley.http.signal.v1.RoleChanged;
import org.parley.http.signal.v1.ServerMessage;
import org.parley.http.signal.v1.SubscribeOffer;
import org.parley.http.signal.v1.TrackSource;

/** Domain -> signalling v1 messages; the only place that knows both. */
final class SignalMapping {

    private SignalMapping() {}

    static ServerMessage joined(String requestId, JoinedSession session, long heartbeatMillis) {
        Joined.Builder joined = Joined.newBuilder()
                .setParticipantId(session.participant().value())
                .setResumeToken(session.resumeToken().value())
                .setRole(role(session.role()))
                .setConference(conference(session.conference()))
                .setHeartbeatIntervalMillis(heartbeatMillis);
        session.conference().polls().forEach(poll -> joined.addPolls(poll(poll, session.participant())));
        session.conference().chat().stream()
                .filter(message -> message.visibleTo(session.participant()))
                .forEach(message -> joined.addChat(chat(message)));
        if (session.role() == Role.MODERATOR) {
            // Knocks are for moderators' eyes only.
            session.conference().knocks().forEach(knock -> joined.addKnocks(knock(knock)));
        }
        return ServerMessage.newBuilder().setRequestId(requestId).setJoined(joined).build();
    }

    static ServerMessage waiting(String requestId, Entry.Waiting waiting) {
        Waiting.Builder wire = Waiting.newBuilder().setReason(switch (waiting.reason()) {
            case HOST -> WaitReason.WAIT_REASON_HOST;
            case LOBBY -> WaitReason.WAIT_REASON_LOBBY;
        });
        waiting.knock().ifPresent(knock -> wire.setKnockId(knock.value()));
        return ServerMessage.newBuilder().setRequestId(requestId).setWaiting(wire).build();
    }

    static ServerMessage kicked(RoomUpdate.Kicked kicked) {
        return ServerMessage.newBuilder()
                .setKicked(Kicked.newBuilder().setBanned(kicked.banned()).setMessage(kicked.message()))
                .build();
    }

    /** The stable signalling code of an access refusal. */
    static String code(Denial denial) {
        return switch (denial) {
            case FORBIDDEN -> ErrorCodes.FORBIDDEN;
            case BANNED -> ErrorCodes.BANNED;
            case PASSWORD_REQUIRED -> ErrorCodes.PASSWORD_REQUIRED;
            case WRONG_PASSWORD -> ErrorCodes.WRONG_PASSWORD;
            case TOO_MANY_ATTEMPTS -> ErrorCodes.TOO_MANY_ATTEMPTS;
            case UNKNOWN_KNOCK -> ErrorCodes.UNKNOWN_KNOCK;
            case NOT_IN_CONFERENCE -> ErrorCodes.REFUSED;
            case INVALID -> ErrorCodes.BAD_REQUEST;
            case RATE_LIMITED -> ErrorCodes.RATE_LIMITED;
        };
    }

    static ServerMessage pollUpdated(PollState state, ParticipantId reader) {
        return ServerMessage.newBuilder().setPollUpdated(PollUpdated.newBuilder().setPoll(poll(state, reader))).build();
    }

    /** A poll for one reader: their own choice, and who voted what unless the poll is anonymous. */
    private static Poll poll(PollState state, ParticipantId reader) {
        PollQuestion question = state.question().orElseThrow();
        Poll.Builder poll = Poll.newBuilder()
                .setPollId(state.id().value())
                .setQuestion(question.question())
                .addAllChoices(question.choices())
                .setAnonymous(question.anonymous())
                .setCreatorParticipantId(state.creator().map(ParticipantId::value).orElse(""))
                .setCreatorDisplayName(state.creatorName())
                .setClosed(state.isClosed())
                .addAllCounts(state.counts())
                .setMyChoice(state.choiceOf(reader).orElse(-1));
        if (!question.anonymous()) {
            state.votes().forEach(vote -> poll.addVotes(PollVote.newBuilder()
                    .setParticipantId(vote.voter().value()).setChoice(vote.choice())));
        }
        return poll.build();
    }

    private static ChatMessage chat(org.parley.engine.conference.ChatMessage message) {
        return ChatMessage.newBuilder()
                .setMessageId(message.id().value())
                .setFromParticipantId(message.from().value())
                .setFromDisplayName(message.fromDisplayName())
                .setToParticipantId(message.to().map(ParticipantId::value).orElse(""))
                .setText(message.text())
                .setAt(timestamp(message.at()))
                .build();
    }

    private static LobbyKnock knock(Knock knock) {
        return LobbyKnock.newBuilder()
                .setKnockId(knock.id().value())
                .setDisplayName(knock.displayName())
                .setAt(timestamp(knock.at()))
                .setSignedIn(knock.signedIn())
                .build();
    }

    private static KnockOutcome outcome(org.parley.engine.conference.KnockOutcome outcome) {
        return switch (outcome) {
            case ADMITTED -> KnockOutcome.KNOCK_OUTCOME_ADMITTED;
            case REJECTED -> KnockOutcome.KNOCK_OUTCOME_REJECTED;
            case WITHDRAWN -> KnockOutcome.KNOCK_OUTCOME_WITHDRAWN;
        };
    }

    static ServerMessage update(RoomUpdate update) {
        ServerMessage.Builder message = ServerMessage.newBuilder();
        if (update instanceof RoomUpdate.MemberJoined u) {
            message.setParticipantJoined(ParticipantJoined.newBuilder().setParticipant(newcomer(u.member())));
        } else if (update instanceof RoomUpdate.MemberLeft u) {
            message.setParticipantLeft(ParticipantLeft.newBuilder()
                    .setParticipantId(u.participant().value())
                    .setReason(leaveReason(u.reason())));
        } else if (update instanceof RoomUpdate.ParticipantUpdated u) {
            message.setParticipantUpdated(ParticipantUpdated.newBuilder()
                    .setParticipantId(u.participant().value())
                    .setDisplayName(u.displayName())
                    .setLanguage(u.language())
                    .setAudioMuted(u.audioMuted())
                    .setVideoMuted(u.videoMuted()));
        } else if (update instanceof RoomUpdate.RoleChanged u) {
            message.setRoleChanged(RoleChanged.newBuilder()
                    .setParticipantId(u.participant().value())
                    .setRole(role(u.role())));
        } else if (update instanceof RoomUpdate.Ended u) {
            message.setConferenceEnded(ConferenceEnded.newBuilder().setReason(u.reason().name()));
        } else if (update instanceof RoomUpdate.KnockReceived u) {
            message.setKnockReceived(KnockReceived.newBuilder().setKnock(knock(u.knock())));
        } else if (update instanceof RoomUpdate.KnockAnswered u) {
            message.setKnockResolved(KnockResolved.newBuilder()
                    .setKnockId(u.knock().value())
                    .setOutcome(outcome(u.outcome()))
                    .setByParticipantId(u.by().map(ParticipantId::value).orElse("")));
        } else if (update instanceof RoomUpdate.LobbyMessage u) {
            message.setLobbyChatMessage(LobbyChatMessage.newBuilder()
                    .setKnockId(u.knock().value())
                    .setFromDisplayName(u.fromDisplayName())
                    .setFromModerator(u.fromModerator())
                    .setText(u.text())
                    .setAt(timestamp(u.at())));
        } else if (update instanceof RoomUpdate.AccessChanged u) {
            message.setAccessChanged(AccessChanged.newBuilder().setAccess(access(u.lobbyEnabled(), u.passwordSet())));
        } else if (update instanceof RoomUpdate.ChatPosted u) {
            message.setChatMessage(chat(u.message()));
        } else if (update instanceof RoomUpdate.ChatDeleted u) {
            message.setChatDeleted(ChatDeleted.newBuilder().setMessageId(u.message().value()));
        } else if (update instanceof RoomUpdate.MediaPolicyChanged u) {
            message.setMediaPolicyChanged(MediaPolicyChanged.newBuilder().setPolicy(policy(u.policy())));
        } else if (update instanceof RoomUpdate.UnmuteAsked u) {
            message.setUnmuteAsked(UnmuteAsked.newBuilder().setParticipantId(u.participant().value()).setKind(kind(u.kind())));
        } else if (update instanceof RoomUpdate.UnmuteAllowed u) {
            message.setUnmuteAllowed(UnmuteAllowed.newBuilder().setParticipantId(u.participant().value()).setKind(kind(u.kind())));
        } else if (update instanceof RoomUpdate.MutedByModerator u) {
            message.setMutedByModerator(MutedByModerator.newBuilder()
                    .addAllParticipantIds(u.participants().stream().map(ParticipantId::value).toList())
                    .setKind(kind(u.kind())));
        } else if (update instanceof RoomUpdate.HandsChanged u) {
            message.setHandsChanged(HandsChanged.newBuilder()
                    .addAllParticipantIds(u.queue().stream().map(ParticipantId::value).toList()));
        } else if (update instanceof RoomUpdate.Reacted u) {
            message.setReacted(Reacted.newBuilder()
                    .setParticipantId(u.participant().value())
                    .setReaction(reaction(u.reaction())));
        } else if (update instanceof RoomUpdate.Kicked u) {
            // Seen by the others: the person left, removed by a moderator.
            message.setParticipantLeft(ParticipantLeft.newBuilder()
                    .setParticipantId(u.participant().value())
                    .setReason(org.parley.http.signal.v1.LeaveReason.LEAVE_REASON_KICKED));
        }
        return message.build();
    }

    static ServerMessage publishAnswer(String requestId, String sdp) {
        return ServerMessage.newBuilder()
                .setRequestId(requestId)
                .setPublishAnswer(PublishAnswer.newBuilder().setSdp(sdp))
                .build();
    }

    static ServerMessage mediaSignal(MediaSignal signal) {
        MediaSignal.SubscribeOffer offer = (MediaSignal.SubscribeOffer) signal;
        SubscribeOffer.Builder wire = SubscribeOffer.newBuilder().setSdp(offer.sdp()).setVersion(offer.version());
        for (ForwardedTrack track : offer.tracks()) {
            wire.addTracks(TrackSource.newBuilder()
                    .setMid(track.mid())
                    .setSource(source(track.source()))
                    .setParticipantId(track.from().value()));
        }
        return ServerMessage.newBuilder().setSubscribeOffer(wire).build();
    }

    /** Empty when a track lacks its mid or names no known source. */
    static Optional<List<PublishedTrack>> publishedTracks(List<TrackSource> wire) {
        List<PublishedTrack> tracks = new ArrayList<>();
        for (TrackSource track : wire) {
            Optional<org.parley.engine.media.MediaSource> source = source(track.getSource());
            if (track.getMid().isBlank() || source.isEmpty()) {
                return Optional.empty();
            }
            tracks.add(new PublishedTrack(track.getMid(), source.get()));
        }
        return Optional.of(tracks);
    }

    static Optional<ConnectionKind> connection(PeerConnectionKind kind) {
        return switch (kind) {
            case PEER_CONNECTION_KIND_PUBLISH -> Optional.of(ConnectionKind.PUBLISH);
            case PEER_CONNECTION_KIND_SUBSCRIBE -> Optional.of(ConnectionKind.SUBSCRIBE);
            default -> Optional.empty();
        };
    }

    private static Optional<org.parley.engine.media.MediaSource> source(MediaSource wire) {
        return switch (wire) {
            case MEDIA_SOURCE_MICROPHONE -> Optional.of(org.parley.engine.media.MediaSource.MICROPHONE);
            case MEDIA_SOURCE_CAMERA -> Optional.of(org.parley.engine.media.MediaSource.CAMERA);
            case MEDIA_SOURCE_SCREEN -> Optional.of(org.parley.engine.media.MediaSource.SCREEN);
            default -> Optional.empty();
        };
    }

    private static MediaSource source(org.parley.engine.media.MediaSource source) {
        return switch (source) {
            case MICROPHONE -> MediaSource.MEDIA_SOURCE_MICROPHONE;
            case CAMERA -> MediaSource.MEDIA_SOURCE_CAMERA;
            case SCREEN -> MediaSource.MEDIA_SOURCE_SCREEN;
        };
    }

    static ServerMessage error(String requestId, String code, String text) {
        return ServerMessage.newBuilder()
                .setRequestId(requestId)
                .setError(Error.newBuilder().setCode(code).setMessage(text))
                .build();
    }

    private static Conference conference(ConferenceView view) {
        Conference.Builder conference = Conference.newBuilder()
                .setRoom(view.room().value())
                .setInstance(view.instance());
        view.startedAt().ifPresent(at -> conference.setStartedAt(timestamp(at)));
        conference.setAccess(access(view.lobbyEnabled(), view.passwordSet()));
        view.raisedHands().forEach(hand -> conference.addRaisedHands(hand.value()));
        conference.setMediaPolicy(policy(view.mediaPolicy()));
        for (RosterEntry entry : view.roster()) {
            conference.addRoster(Participant.newBuilder()
                    .setId(entry.id().value())
                    .setDisplayName(entry.displayName())
                    .setRole(role(entry.role()))
                    .setLanguage(entry.language())
                    .setAudioMuted(entry.audioMuted())
                    .setVideoMuted(entry.videoMuted())
                    .setJoinedAt(timestamp(entry.joinedAt())));
        }
        return conference.build();
    }

    /** A newcomer's live profile follows in a participantUpdated as soon as it is recorded. */
    private static Participant newcomer(Member member) {
        return Participant.newBuilder()
                .setId(member.id().value())
                .setDisplayName(member.displayNameAtJoin())
                .setRole(role(member.role()))
                .setJoinedAt(timestamp(member.joinedAt()))
                .build();
    }

    static Optional<org.parley.engine.conference.MuteKind> kind(MuteKind wire) {
        return switch (wire) {
            case MUTE_KIND_AUDIO -> Optional.of(org.parley.engine.conference.MuteKind.AUDIO);
            case MUTE_KIND_VIDEO -> Optional.of(org.parley.engine.conference.MuteKind.VIDEO);
            default -> Optional.empty();
        };
    }

    private static MuteKind kind(org.parley.engine.conference.MuteKind kind) {
        return kind == org.parley.engine.conference.MuteKind.AUDIO ? MuteKind.MUTE_KIND_AUDIO : MuteKind.MUTE_KIND_VIDEO;
    }

    static org.parley.engine.conference.MediaPolicy policy(MediaPolicy wire) {
        return new org.parley.engine.conference.MediaPolicy(wire.getStartAudioMuted(), wire.getStartVideoMuted(),
                wire.getAskToUnmuteAudio(), wire.getAskToUnmuteVideo());
    }

    private static MediaPolicy policy(org.parley.engine.conference.MediaPolicy policy) {
        return MediaPolicy.newBuilder().setStartAudioMuted(policy.startAudioMuted()).setStartVideoMuted(policy.startVideoMuted())
                .setAskToUnmuteAudio(policy.askToUnmuteAudio()).setAskToUnmuteVideo(policy.askToUnmuteVideo()).build();
    }

    /** Empty for REACTION_UNSPECIFIED or an unknown value. */
    static Optional<org.parley.engine.conference.Reaction> reaction(org.parley.http.signal.v1.Reaction wire) {
        return switch (wire) {
            case REACTION_THUMBS_UP -> Optional.of(org.parley.engine.conference.Reaction.THUMBS_UP);
            case REACTION_CLAP -> Optional.of(org.parley.engine.conference.Reaction.CLAP);
            case REACTION_LAUGH -> Optional.of(org.parley.engine.conference.Reaction.LAUGH);
            case REACTION_SURPRISED -> Optional.of(org.parley.engine.conference.Reaction.SURPRISED);
            case REACTION_HEART -> Optional.of(org.parley.engine.conference.Reaction.HEART);
            case REACTION_PARTY -> Optional.of(org.parley.engine.conference.Reaction.PARTY);
            default -> Optional.empty();
        };
    }

    private static org.parley.http.signal.v1.Reaction reaction(org.parley.engine.conference.Reaction reaction) {
        return switch (reaction) {
            case THUMBS_UP -> org.parley.http.signal.v1.Reaction.REACTION_THUMBS_UP;
            case CLAP -> org.parley.http.signal.v1.Reaction.REACTION_CLAP;
            case LAUGH -> org.parley.http.signal.v1.Reaction.REACTION_LAUGH;
            case SURPRISED -> org.parley.http.signal.v1.Reaction.REACTION_SURPRISED;
            case HEART -> org.parley.http.signal.v1.Reaction.REACTION_HEART;
            case PARTY -> org.parley.http.signal.v1.Reaction.REACTION_PARTY;
        };
    }

    private static Access access(boolean lobbyEnabled, boolean passwordSet) {
        return Access.newBuilder().setLobbyEnabled(lobbyEnabled).setPasswordSet(passwordSet).build();
    }

    private static org.parley.http.signal.v1.Role role(Role role) {
        return switch (role) {
            case MODERATOR -> org.parley.http.signal.v1.Role.ROLE_MODERATOR;
            case PARTICIPANT -> org.parley.http.signal.v1.Role.ROLE_PARTICIPANT;
        };
    }

    private static org.parley.http.signal.v1.LeaveReason leaveReason(LeaveReason reason) {
        return switch (reason) {
            case LEFT -> org.parley.http.signal.v1.LeaveReason.LEAVE_REASON_LEFT;
            case CONNECTION_LOST -> org.parley.http.signal.v1.LeaveReason.LEAVE_REASON_CONNECTION_LOST;
            case KICKED -> org.parley.http.signal.v1.LeaveReason.LEAVE_REASON_KICKED;
        };
    }

    private static Timestamp timestamp(Instant at) {
        return Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano()).build();
    }
}

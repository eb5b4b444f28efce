package org.parley.engine.serialization;

import static org.parley.engine.serialization.ProtoValues.actor;
import static org.parley.engine.serialization.ProtoValues.initiator;
import static org.parley.engine.serialization.ProtoValues.instant;
import static org.parley.engine.serialization.ProtoValues.leaveReason;
import static org.parley.engine.serialization.ProtoValues.millis;
import static org.parley.engine.serialization.ProtoValues.role;

import com.google.protobuf.InvalidProtocolBufferException;
import java.io.NotSerializableException;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorRefResolver;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.serialization.SerializerWithStringManifest;
import java.util.Optional;
import org.parley.engine.conference.Authority;
import org.parley.engine.conference.Caller;
import org.parley.engine.conference.ChatMessageId;
import org.parley.engine.conference.Conference;
import org.parley.engine.conference.Denial;
import org.parley.engine.conference.Denied;
import org.parley.engine.conference.JoinOutcome;
import org.parley.engine.conference.KnockId;
import org.parley.engine.conference.ModeratorAction;
import org.parley.engine.conference.MuteKind;
import org.parley.engine.conference.UnmuteGate;
import org.parley.engine.conference.Reaction;
import org.parley.engine.conference.Verdict;
import org.parley.engine.conference.Member;
import org.parley.engine.conference.ParticipantId;
import org.parley.engine.conference.RoomName;
import org.parley.engine.conference.RoomUpdate;
import org.parley.engine.participant.Participant;
import org.parley.engine.participant.ResumeToken;
import org.parley.engine.serialization.proto.v1.AccessChanged;
import org.parley.engine.serialization.proto.v1.Accepted;
import org.parley.engine.serialization.proto.v1.Admission;
import org.parley.engine.serialization.proto.v1.HostArrived;
import org.parley.engine.serialization.proto.v1.InLobby;
import org.parley.engine.serialization.proto.v1.KickedUpdate;
import org.parley.engine.serialization.proto.v1.KnockAnsweredUpdate;
import org.parley.engine.serialization.proto.v1.KnockReceived;
import org.parley.engine.serialization.proto.v1.KnockText;
import org.parley.engine.serialization.proto.v1.KnockerSays;
import org.parley.engine.serialization.proto.v1.LobbyMessage;
import org.parley.engine.serialization.proto.v1.Moderate;
import org.parley.engine.serialization.proto.v1.WaitingForHost;
import org.parley.engine.serialization.proto.v1.Withdraw;
import org.parley.engine.serialization.proto.v1.ChangeDisplayName;
import org.parley.engine.serialization.proto.v1.ChangeLanguage;
import org.parley.engine.serialization.proto.v1.DepartWith;
import org.parley.engine.serialization.proto.v1.Ended;
import org.parley.engine.serialization.proto.v1.GetConference;
import org.parley.engine.serialization.proto.v1.Join;
import org.parley.engine.serialization.proto.v1.Leave;
import org.parley.engine.serialization.proto.v1.MemberJoined;
import org.parley.engine.serialization.proto.v1.MemberLeft;
import org.parley.engine.serialization.proto.v1.ParticipantUpdated;
import org.parley.engine.serialization.proto.v1.Register;
import org.parley.engine.serialization.proto.v1.Relay;
import org.parley.engine.serialization.proto.v1.ReplyOnly;
import org.parley.engine.serialization.proto.v1.Resume;
import org.parley.engine.serialization.proto.v1.RoleChanged;
import org.parley.engine.serialization.proto.v1.SetMuted;
import org.parley.engine.serialization.proto.v1.Subscribe;
import org.parley.persistence.proto.v1.ConferenceSnapshot;

/**
 * Messages between nodes, at one seam: commands to the sharded Conference and Participant, the
 * conference's admission reply, and the room updates it sends to connections on other nodes.
 * Messages that never leave their actor (timers, watch notifications) are refused here.
 */
public final class ClusterMessageSerializer extends SerializerWithStringManifest {

    public static final int IDENTIFIER = 4103;

    private final ActorRefResolver refs;

    public ClusterMessageSerializer(ExtendedActorSystem system) {
        this.refs = ActorRefResolver.get(Adapter.toTyped(system));
    }

    @Override
    public int identifier() {
        return IDENTIFIER;
    }

    @Override
    public String manifest(Object o) {
        return Manifest.of(o).name();
    }

    private enum Manifest {
        C_JOIN, C_LEAVE, C_SUBSCRIBE, C_GET, C_RELAY, C_ADMISSION, C_MODERATE, C_KNOCKER_SAYS, C_WITHDRAW,
        R_WAITING, R_IN_LOBBY, R_DENIED, R_ACCEPTED,
        U_JOINED, U_LEFT, U_ROLE, U_PARTICIPANT, U_ENDED, U_HOST, U_KNOCK, U_KNOCK_ANSWERED, U_LOBBY_MESSAGE,
        U_ACCESS, U_KICKED, C_SET_HAND, C_REACT, U_HANDS, U_REACTED, C_POST_CHAT, U_CHAT_POSTED, U_CHAT_DELETED,
        C_ASK_UNMUTE, C_MAY_UNMUTE, U_MEDIA_POLICY, U_UNMUTE_ASKED, U_UNMUTE_ALLOWED, U_MUTED, C_POLL_CHANGED, U_POLL_CHANGED,
        P_REGISTER, P_NAME, P_LANGUAGE, P_AUDIO, P_VIDEO, P_RESUME, P_KEEP_ALIVE, P_LEAVE, P_GET;

        static Manifest of(Object o) {
            if (o instanceof Conference.Join) return C_JOIN;
            if (o instanceof Conference.Leave) return C_LEAVE;
            if (o instanceof Conference.Subscribe) return C_SUBSCRIBE;
            if (o instanceof Conference.GetState) return C_GET;
            if (o instanceof Conference.Relay) return C_RELAY;
            if (o instanceof JoinOutcome.Admitted) return C_ADMISSION;
            if (o instanceof Conference.Moderate) return C_MODERATE;
            if (o instanceof Conference.KnockerSays) return C_KNOCKER_SAYS;
            if (o instanceof Conference.Withdraw) return C_WITHDRAW;
            if (o instanceof JoinOutcome.WaitingForHost) return R_WAITING;
            if (o instanceof JoinOutcome.InLobby) return R_IN_LOBBY;
            if (o instanceof Denied) return R_DENIED;
            if (o instanceof Verdict.Accepted) return R_ACCEPTED;
            if (o instanceof RoomUpdate.HostArrived) return U_HOST;
            if (o instanceof RoomUpdate.KnockReceived) return U_KNOCK;
            if (o instanceof RoomUpdate.KnockAnswered) return U_KNOCK_ANSWERED;
            if (o instanceof RoomUpdate.LobbyMessage) return U_LOBBY_MESSAGE;
            if (o instanceof RoomUpdate.AccessChanged) return U_ACCESS;
            if (o instanceof RoomUpdate.Kicked) return U_KICKED;
            if (o instanceof Conference.SetHand) return C_SET_HAND;
            if (o instanceof Conference.React) return C_REACT;
            if (o instanceof RoomUpdate.HandsChanged) return U_HANDS;
            if (o instanceof RoomUpdate.Reacted) return U_REACTED;
            if (o instanceof Conference.PostChat) return C_POST_CHAT;
            if (o instanceof RoomUpdate.ChatPosted) return U_CHAT_POSTED;
            if (o instanceof RoomUpdate.ChatDeleted) return U_CHAT_DELETED;
            if (o instanceof Conference.AskToUnmute) return C_ASK_UNMUTE;
            if (o instanceof Conference.MayUnmute) return C_MAY_UNMUTE;
            if (o instanceof RoomUpdate.MediaPolicyChanged) return U_MEDIA_POLICY;
            if (o instanceof RoomUpdate.UnmuteAsked) return U_UNMUTE_ASKED;
            if (o instanceof RoomUpdate.UnmuteAllowed) return U_UNMUTE_ALLOWED;
            if (o instanceof RoomUpdate.MutedByModerator) return U_MUTED;
            if (o instanceof Conference.PollChanged) return C_POLL_CHANGED;
            if (o instanceof RoomUpdate.PollChanged) return U_POLL_CHANGED;
            if (o instanceof RoomUpdate.MemberJoined) return U_JOINED;
            if (o instanceof RoomUpdate.MemberLeft) return U_LEFT;
            if (o instanceof RoomUpdate.RoleChanged) return U_ROLE;
            if (o instanceof RoomUpdate.ParticipantUpdated) return U_PARTICIPANT;
            if (o instanceof RoomUpdate.Ended) return U_ENDED;
            if (o instanceof Participant.Register) return P_REGISTER;
            if (o instanceof Participant.ChangeDisplayName) return P_NAME;
            if (o instanceof Participant.ChangeLanguage) return P_LANGUAGE;
            if (o instanceof Participant.SetAudioMuted) return P_AUDIO;
            if (o instanceof Participant.SetVideoMuted) return P_VIDEO;
            if (o instanceof Participant.Resume) return P_RESUME;
            if (o instanceof Participant.KeepAlive) return P_KEEP_ALIVE;
            if (o instanceof Participant.Leave) return P_LEAVE;
            if (o instanceof Participant.GetState) return P_GET;
            throw new IllegalArgumentException(o.getClass().getName() + " never leaves its node");
        }
    }

    @Override
    public byte[] toBinary(Object o) {
        return switch (Manifest.of(o)) {
            case C_JOIN -> {
                var m = (Conference.Join) o;
                var b = Join.newBuilder().setParticipantId(m.participant().value()).setDisplayName(m.displayName())
                        .setCaller(caller(m.caller())).setListener(ref(m.listener())).setReplyTo(ref(m.replyTo()));
                m.passwordProof().ifPresent(hash -> b.setPasswordProof(AccessValues.passwordHash(hash)));
                yield b.build().toByteArray();
            }
            case C_MODERATE -> moderate((Conference.Moderate) o).toByteArray();
            case C_KNOCKER_SAYS -> {
                var m = (Conference.KnockerSays) o;
                yield KnockerSays.newBuilder().setSubject(m.subject()).setText(m.text()).setReplyTo(ref(m.replyTo()))
                        .build().toByteArray();
            }
            case C_WITHDRAW -> {
                var m = (Conference.Withdraw) o;
                yield Withdraw.newBuilder().setSubject(m.subject()).setListener(ref(m.listener()))
                        .setReplyTo(ref(m.replyTo())).build().toByteArray();
            }
            case R_WAITING -> WaitingForHost.getDefaultInstance().toByteArray();
            case R_IN_LOBBY -> InLobby.newBuilder().setKnockId(((JoinOutcome.InLobby) o).knock().value()).build()
                    .toByteArray();
            case R_DENIED -> {
                var m = (Denied) o;
                yield org.parley.engine.serialization.proto.v1.Denied.newBuilder().setDenial(m.denial().name())
                        .setReason(m.reason()).build().toByteArray();
            }
            case R_ACCEPTED -> Accepted.getDefaultInstance().toByteArray();
            case U_HOST -> HostArrived.getDefaultInstance().toByteArray();
            case U_KNOCK -> KnockReceived.newBuilder().setKnock(AccessValues.knock(((RoomUpdate.KnockReceived) o).knock()))
                    .build().toByteArray();
            case U_KNOCK_ANSWERED -> {
                var m = (RoomUpdate.KnockAnswered) o;
                yield KnockAnsweredUpdate.newBuilder().setKnockId(m.knock().value())
                        .setOutcome(AccessValues.outcome(m.outcome()))
                        .setByParticipantId(m.by().map(ParticipantId::value).orElse("")).setMessage(m.message())
                        .build().toByteArray();
            }
            case U_LOBBY_MESSAGE -> {
                var m = (RoomUpdate.LobbyMessage) o;
                yield LobbyMessage.newBuilder().setKnockId(m.knock().value()).setFromDisplayName(m.fromDisplayName())
                        .setFromModerator(m.fromModerator()).setText(m.text()).setAtEpochMillis(millis(m.at()))
                        .build().toByteArray();
            }
            case U_ACCESS -> {
                var m = (RoomUpdate.AccessChanged) o;
                yield AccessChanged.newBuilder().setLobbyEnabled(m.lobbyEnabled()).setPasswordSet(m.passwordSet())
                        .build().toByteArray();
            }
            case C_SET_HAND -> {
                var m = (Conference.SetHand) o;
                yield org.parley.engine.serialization.proto.v1.SetHand.newBuilder().setParticipantId(m.participant().value())
                        .setRaised(m.raised()).setReplyTo(ref(m.replyTo())).build().toByteArray();
            }
            case C_REACT -> {
                var m = (Conference.React) o;
                yield org.parley.engine.serialization.proto.v1.React.newBuilder().setParticipantId(m.participant().value())
                        .setReaction(m.reaction().name()).setReplyTo(ref(m.replyTo())).build().toByteArray();
            }
            case U_HANDS -> org.parley.engine.serialization.proto.v1.HandsChanged.newBuilder()
                    .addAllQueue(((RoomUpdate.HandsChanged) o).queue().stream().map(ParticipantId::value).toList())
                    .build().toByteArray();
            case U_REACTED -> {
                var m = (RoomUpdate.Reacted) o;
                yield org.parley.engine.serialization.proto.v1.Reacted.newBuilder().setParticipantId(m.participant().value())
                        .setReaction(m.reaction().name()).build().toByteArray();
            }
            case C_POST_CHAT -> {
                var m = (Conference.PostChat) o;
                yield org.parley.engine.serialization.proto.v1.PostChat.newBuilder()
                        .setFromParticipantId(m.from().value()).setToParticipantId(m.to().map(ParticipantId::value).orElse(""))
                        .setText(m.text()).setReplyTo(ref(m.replyTo())).build().toByteArray();
            }
            case U_CHAT_POSTED -> org.parley.engine.serialization.proto.v1.ChatPosted.newBuilder()
                    .setMessage(AccessValues.chat(((RoomUpdate.ChatPosted) o).message())).build().toByteArray();
            case U_CHAT_DELETED -> org.parley.engine.serialization.proto.v1.ChatDeleted.newBuilder()
                    .setMessageId(((RoomUpdate.ChatDeleted) o).message().value()).build().toByteArray();
            case C_ASK_UNMUTE -> {
                var m = (Conference.AskToUnmute) o;
                yield question(m.participant(), m.kind(), m.replyTo());
            }
            case C_MAY_UNMUTE -> {
                var m = (Conference.MayUnmute) o;
                yield question(m.participant(), m.kind(), m.replyTo());
            }
            case U_MEDIA_POLICY -> org.parley.engine.serialization.proto.v1.MediaPolicyUpdate.newBuilder()
                    .setPolicy(AccessValues.policy(((RoomUpdate.MediaPolicyChanged) o).policy())).build().toByteArray();
            case U_UNMUTE_ASKED -> {
                var m = (RoomUpdate.UnmuteAsked) o;
                yield org.parley.engine.serialization.proto.v1.UnmuteGateUpdate.newBuilder()
                        .setGate(AccessValues.gate(new UnmuteGate(m.participant(), m.kind()))).build().toByteArray();
            }
            case U_UNMUTE_ALLOWED -> {
                var m = (RoomUpdate.UnmuteAllowed) o;
                yield org.parley.engine.serialization.proto.v1.UnmuteGateUpdate.newBuilder()
                        .setGate(AccessValues.gate(new UnmuteGate(m.participant(), m.kind()))).build().toByteArray();
            }
            case U_MUTED -> {
                var m = (RoomUpdate.MutedByModerator) o;
                yield org.parley.engine.serialization.proto.v1.MutedUpdate.newBuilder()
                        .addAllParticipantIds(m.participants().stream().map(ParticipantId::value).toList())
                        .setKind(AccessValues.kind(m.kind())).build().toByteArray();
            }
            case C_POLL_CHANGED -> {
                var m = (Conference.PollChanged) o;
                yield org.parley.engine.serialization.proto.v1.PollChangedCommand.newBuilder().setPollId(m.pollId())
                        .setReplyTo(ref(m.replyTo())).build().toByteArray();
            }
            case U_POLL_CHANGED -> org.parley.engine.serialization.proto.v1.PollChangedUpdate.newBuilder()
                    .setPollId(((RoomUpdate.PollChanged) o).pollId()).build().toByteArray();
            case U_KICKED -> {
                var m = (RoomUpdate.Kicked) o;
                yield KickedUpdate.newBuilder().setParticipantId(m.participant().value()).setBanned(m.banned())
                        .setMessage(m.message()).build().toByteArray();
            }
            case C_LEAVE -> {
                var m = (Conference.Leave) o;
                yield Leave.newBuilder().setParticipantId(m.participant().value()).setReason(leaveReason(m.reason()))
                        .setReplyTo(ref(m.replyTo())).build().toByteArray();
            }
            case C_SUBSCRIBE -> {
                var m = (Conference.Subscribe) o;
                yield Subscribe.newBuilder().setParticipantId(m.participant().value()).setListener(ref(m.listener()))
                        .setReplyTo(ref(m.replyTo())).build().toByteArray();
            }
            case C_GET -> GetConference.newBuilder().setReplyTo(ref(((Conference.GetState) o).replyTo())).build().toByteArray();
            case C_RELAY -> Relay.newBuilder().setUpdate(updated(((Conference.Relay) o).update())).build().toByteArray();
            case C_ADMISSION -> {
                var m = (JoinOutcome.Admitted) o;
                yield Admission.newBuilder().setRole(role(m.role()))
                        .setConference(ConferenceSerializer.snapshot(m.conference())).build().toByteArray();
            }
            case U_JOINED -> {
                Member member = ((RoomUpdate.MemberJoined) o).member();
                yield MemberJoined.newBuilder().setMember(ConferenceSerializer.member(member)).build().toByteArray();
            }
            case U_LEFT -> {
                var m = (RoomUpdate.MemberLeft) o;
                yield MemberLeft.newBuilder().setParticipantId(m.participant().value())
                        .setReason(leaveReason(m.reason())).build().toByteArray();
            }
            case U_ROLE -> {
                var m = (RoomUpdate.RoleChanged) o;
                yield RoleChanged.newBuilder().setParticipantId(m.participant().value()).setRole(role(m.role()))
                        .build().toByteArray();
            }
            case U_PARTICIPANT -> updated((RoomUpdate.ParticipantUpdated) o).toByteArray();
            case U_ENDED -> Ended.newBuilder().setReason(ConferenceSerializer.endReason(((RoomUpdate.Ended) o).reason()))
                    .build().toByteArray();
            case P_REGISTER -> {
                var m = (Participant.Register) o;
                yield Register.newBuilder().setRoom(m.room().value()).setDisplayName(m.displayName())
                        .setLanguage(m.language()).setAudioMuted(m.audioMuted()).setVideoMuted(m.videoMuted())
                        .setAcceptedTerms(m.acceptedTerms()).setResumeTokenHash(m.resumeTokenHash())
                        .setReplyTo(ref(m.replyTo())).build().toByteArray();
            }
            case P_NAME -> {
                var m = (Participant.ChangeDisplayName) o;
                yield ChangeDisplayName.newBuilder().setDisplayName(m.displayName()).setReplyTo(ref(m.replyTo()))
                        .build().toByteArray();
            }
            case P_LANGUAGE -> {
                var m = (Participant.ChangeLanguage) o;
                yield ChangeLanguage.newBuilder().setLanguage(m.language()).setReplyTo(ref(m.replyTo())).build().toByteArray();
            }
            case P_AUDIO -> {
                var m = (Participant.SetAudioMuted) o;
                yield SetMuted.newBuilder().setMuted(m.muted()).setBy(actor(m.by())).setReplyTo(ref(m.replyTo()))
                        .build().toByteArray();
            }
            case P_VIDEO -> {
                var m = (Participant.SetVideoMuted) o;
                yield SetMuted.newBuilder().setMuted(m.muted()).setBy(actor(m.by())).setReplyTo(ref(m.replyTo()))
                        .build().toByteArray();
            }
            case P_RESUME -> {
                var m = (Participant.Resume) o;
                yield Resume.newBuilder().setToken(m.token().value()).setReplyTo(ref(m.replyTo())).build().toByteArray();
            }
            case P_KEEP_ALIVE -> ReplyOnly.newBuilder().setReplyTo(ref(((Participant.KeepAlive) o).replyTo())).build()
                    .toByteArray();
            case P_LEAVE -> {
                var m = (Participant.Leave) o;
                yield DepartWith.newBuilder().setReason(leaveReason(m.reason())).setReplyTo(ref(m.replyTo())).build()
                        .toByteArray();
            }
            case P_GET -> ReplyOnly.newBuilder().setReplyTo(ref(((Participant.GetState) o).replyTo())).build().toByteArray();
        };
    }

    @Override
    public Object fromBinary(byte[] bytes, String manifest) throws NotSerializableException {
        Manifest kind;
        try {
            kind = Manifest.valueOf(manifest);
        } catch (IllegalArgumentException e) {
            throw new NotSerializableException("unknown cluster message manifest " + manifest);
        }
        try {
            return switch (kind) {
                case C_JOIN -> {
                    var p = Join.parseFrom(bytes);
                    yield new Conference.Join(new ParticipantId(p.getParticipantId()), p.getDisplayName(),
                            caller(p.getCaller()),
                            p.hasPasswordProof() ? Optional.of(AccessValues.passwordHash(p.getPasswordProof())) : Optional.empty(),
                            refs.resolveActorRef(p.getListener()), refs.resolveActorRef(p.getReplyTo()));
                }
                case C_MODERATE -> moderate(Moderate.parseFrom(bytes));
                case C_KNOCKER_SAYS -> {
                    var p = KnockerSays.parseFrom(bytes);
                    yield new Conference.KnockerSays(p.getSubject(), p.getText(), refs.resolveActorRef(p.getReplyTo()));
                }
                case C_WITHDRAW -> {
                    var p = Withdraw.parseFrom(bytes);
                    yield new Conference.Withdraw(p.getSubject(), refs.resolveActorRef(p.getListener()),
                            refs.resolveActorRef(p.getReplyTo()));
                }
                case R_WAITING -> new JoinOutcome.WaitingForHost();
                case R_IN_LOBBY -> new JoinOutcome.InLobby(new KnockId(InLobby.parseFrom(bytes).getKnockId()));
                case R_DENIED -> {
                    var p = org.parley.engine.serialization.proto.v1.Denied.parseFrom(bytes);
                    yield new Denied(Denial.valueOf(p.getDenial()), p.getReason());
                }
                case R_ACCEPTED -> Verdict.ACCEPTED;
                case U_HOST -> new RoomUpdate.HostArrived();
                case U_KNOCK -> new RoomUpdate.KnockReceived(AccessValues.knock(KnockReceived.parseFrom(bytes).getKnock()));
                case U_KNOCK_ANSWERED -> {
                    var p = KnockAnsweredUpdate.parseFrom(bytes);
                    yield new RoomUpdate.KnockAnswered(new KnockId(p.getKnockId()), AccessValues.outcome(p.getOutcome()),
                            p.getByParticipantId().isEmpty() ? Optional.empty()
                                    : Optional.of(new ParticipantId(p.getByParticipantId())),
                            p.getMessage());
                }
                case U_LOBBY_MESSAGE -> {
                    var p = LobbyMessage.parseFrom(bytes);
                    yield new RoomUpdate.LobbyMessage(new KnockId(p.getKnockId()), p.getFromDisplayName(),
                            p.getFromModerator(), p.getText(), instant(p.getAtEpochMillis()));
                }
                case U_ACCESS -> {
                    var p = AccessChanged.parseFrom(bytes);
                    yield new RoomUpdate.AccessChanged(p.getLobbyEnabled(), p.getPasswordSet());
                }
                case C_SET_HAND -> {
                    var p = org.parley.engine.serialization.proto.v1.SetHand.parseFrom(bytes);
                    yield new Conference.SetHand(new ParticipantId(p.getParticipantId()), p.getRaised(),
                            refs.resolveActorRef(p.getReplyTo()));
                }
                case C_REACT -> {
                    var p = org.parley.engine.serialization.proto.v1.React.parseFrom(bytes);
                    yield new Conference.React(new ParticipantId(p.getParticipantId()), reaction(p.getReaction()),
                            refs.resolveActorRef(p.getReplyTo()));
                }
                case U_HANDS -> new RoomUpdate.HandsChanged(org.parley.engine.serialization.proto.v1.HandsChanged
                        .parseFrom(bytes).getQueueList().stream().map(ParticipantId::new).toList());
                case U_REACTED -> {
                    var p = org.parley.engine.serialization.proto.v1.Reacted.parseFrom(bytes);
                    yield new RoomUpdate.Reacted(new ParticipantId(p.getParticipantId()), reaction(p.getReaction()));
                }
                case C_POST_CHAT -> {
                    var p = org.parley.engine.serialization.proto.v1.PostChat.parseFrom(bytes);
                    yield new Conference.PostChat(new ParticipantId(p.getFromParticipantId()),
                            p.getToParticipantId().isEmpty() ? Optional.empty() : Optional.of(new ParticipantId(p.getToParticipantId())),
                            p.getText(), refs.resolveActorRef(p.getReplyTo()));
                }
                case U_CHAT_POSTED -> new RoomUpdate.ChatPosted(AccessValues.chat(
                        org.parley.engine.serialization.proto.v1.ChatPosted.parseFrom(bytes).getMessage()));
                case U_CHAT_DELETED -> new RoomUpdate.ChatDeleted(new ChatMessageId(
                        org.parley.engine.serialization.proto.v1.ChatDeleted.parseFrom(bytes).getMessageId()));
                case C_ASK_UNMUTE -> {
                    var p = org.parley.engine.serialization.proto.v1.UnmuteQuestion.parseFrom(bytes);
                    yield new Conference.AskToUnmute(new ParticipantId(p.getParticipantId()), AccessValues.kind(p.getKind()),
                            refs.resolveActorRef(p.getReplyTo()));
                }
                case C_MAY_UNMUTE -> {
                    var p = org.parley.engine.serialization.proto.v1.UnmuteQuestion.parseFrom(bytes);
                    yield new Conference.MayUnmute(new ParticipantId(p.getParticipantId()), AccessValues.kind(p.getKind()),
                            refs.resolveActorRef(p.getReplyTo()));
                }
                case U_MEDIA_POLICY -> new RoomUpdate.MediaPolicyChanged(AccessValues.policy(
                        org.parley.engine.serialization.proto.v1.MediaPolicyUpdate.parseFrom(bytes).getPolicy()));
                case U_UNMUTE_ASKED -> {
                    UnmuteGate gate = AccessValues.gate(
                            org.parley.engine.serialization.proto.v1.UnmuteGateUpdate.parseFrom(bytes).getGate());
                    yield new RoomUpdate.UnmuteAsked(gate.participant(), gate.kind());
                }
                case U_UNMUTE_ALLOWED -> {
                    UnmuteGate gate = AccessValues.gate(
                            org.parley.engine.serialization.proto.v1.UnmuteGateUpdate.parseFrom(bytes).getGate());
                    yield new RoomUpdate.UnmuteAllowed(gate.participant(), gate.kind());
                }
                case U_MUTED -> {
                    var p = org.parley.engine.serialization.proto.v1.MutedUpdate.parseFrom(bytes);
                    yield new RoomUpdate.MutedByModerator(p.getParticipantIdsList().stream().map(ParticipantId::new).toList(),
                            AccessValues.kind(p.getKind()));
                }
                case C_POLL_CHANGED -> {
                    var p = org.parley.engine.serialization.proto.v1.PollChangedCommand.parseFrom(bytes);
                    yield new Conference.PollChanged(p.getPollId(), refs.resolveActorRef(p.getReplyTo()));
                }
                case U_POLL_CHANGED -> new RoomUpdate.PollChanged(
                        org.parley.engine.serialization.proto.v1.PollChangedUpdate.parseFrom(bytes).getPollId());
                case U_KICKED -> {
                    var p = KickedUpdate.parseFrom(bytes);
                    yield new RoomUpdate.Kicked(new ParticipantId(p.getParticipantId()), p.getBanned(), p.getMessage());
                }
                case C_LEAVE -> {
                    var p = Leave.parseFrom(bytes);
                    yield new Conference.Leave(new ParticipantId(p.getParticipantId()), leaveReason(p.getReason()),
                            refs.resolveActorRef(p.getReplyTo()));
                }
                case C_SUBSCRIBE -> {
                    var p = Subscribe.parseFrom(bytes);
                    yield new Conference.Subscribe(new ParticipantId(p.getParticipantId()),
                            refs.resolveActorRef(p.getListener()), refs.resolveActorRef(p.getReplyTo()));
                }
                case C_GET -> new Conference.GetState(refs.resolveActorRef(GetConference.parseFrom(bytes).getReplyTo()));
                case C_RELAY -> new Conference.Relay(updated(Relay.parseFrom(bytes).getUpdate()));
                case C_ADMISSION -> {
                    var p = Admission.parseFrom(bytes);
                    yield new JoinOutcome.Admitted(role(p.getRole()), ConferenceSerializer.state(p.getConference()));
                }
                case U_JOINED -> {
                    yield new RoomUpdate.MemberJoined(ConferenceSerializer.member(MemberJoined.parseFrom(bytes).getMember()));
                }
                case U_LEFT -> {
                    var p = MemberLeft.parseFrom(bytes);
                    yield new RoomUpdate.MemberLeft(new ParticipantId(p.getParticipantId()), leaveReason(p.getReason()));
                }
                case U_ROLE -> {
                    var p = RoleChanged.parseFrom(bytes);
                    yield new RoomUpdate.RoleChanged(new ParticipantId(p.getParticipantId()), role(p.getRole()));
                }
                case U_PARTICIPANT -> updated(ParticipantUpdated.parseFrom(bytes));
                case U_ENDED -> new RoomUpdate.Ended(ConferenceSerializer.endReason(Ended.parseFrom(bytes).getReason()));
                case P_REGISTER -> {
                    var p = Register.parseFrom(bytes);
                    yield new Participant.Register(new RoomName(p.getRoom()), p.getDisplayName(), p.getLanguage(),
                            p.getAudioMuted(), p.getVideoMuted(), p.getAcceptedTerms(), p.getResumeTokenHash(),
                            refs.resolveActorRef(p.getReplyTo()));
                }
                case P_NAME -> {
                    var p = ChangeDisplayName.parseFrom(bytes);
                    yield new Participant.ChangeDisplayName(p.getDisplayName(), refs.resolveActorRef(p.getReplyTo()));
                }
                case P_LANGUAGE -> {
                    var p = ChangeLanguage.parseFrom(bytes);
                    yield new Participant.ChangeLanguage(p.getLanguage(), refs.resolveActorRef(p.getReplyTo()));
                }
                case P_AUDIO -> {
                    var p = SetMuted.parseFrom(bytes);
                    yield new Participant.SetAudioMuted(p.getMuted(), initiator(p.getBy()), refs.resolveActorRef(p.getReplyTo()));
                }
                case P_VIDEO -> {
                    var p = SetMuted.parseFrom(bytes);
                    yield new Participant.SetVideoMuted(p.getMuted(), initiator(p.getBy()), refs.resolveActorRef(p.getReplyTo()));
                }
                case P_RESUME -> {
                    var p = Resume.parseFrom(bytes);
                    yield new Participant.Resume(new ResumeToken(p.getToken()), refs.resolveActorRef(p.getReplyTo()));
                }
                case P_KEEP_ALIVE -> new Participant.KeepAlive(refs.resolveActorRef(ReplyOnly.parseFrom(bytes).getReplyTo()));
                case P_LEAVE -> {
                    var p = DepartWith.parseFrom(bytes);
                    yield new Participant.Leave(leaveReason(p.getReason()), refs.resolveActorRef(p.getReplyTo()));
                }
                case P_GET -> new Participant.GetState(refs.resolveActorRef(ReplyOnly.parseFrom(bytes).getReplyTo()));
            };
        } catch (InvalidProtocolBufferException e) {
            throw new NotSerializableException("unreadable cluster message " + manifest + ": " + e.getMessage());
        }
    }

    private org.parley.engine.serialization.proto.v1.Moderate moderate(Conference.Moderate m) {
        var b = org.parley.engine.serialization.proto.v1.Moderate.newBuilder()
                .setBy(authority(m.by())).setReplyTo(ref(m.replyTo()));
        ModeratorAction action = m.action();
        if (action instanceof ModeratorAction.SetLobby a) {
            b.setSetLobby(a.enabled());
        } else if (action instanceof ModeratorAction.SetPassword a) {
            var password = org.parley.engine.serialization.proto.v1.SetPassword.newBuilder();
            a.hash().ifPresent(hash -> password.setHash(AccessValues.passwordHash(hash)));
            b.setSetPassword(password);
        } else if (action instanceof ModeratorAction.Admit a) {
            b.setAdmit(a.knock().value());
        } else if (action instanceof ModeratorAction.Reject a) {
            b.setReject(KnockText.newBuilder().setKnockId(a.knock().value()).setText(a.message()));
        } else if (action instanceof ModeratorAction.LobbyReply a) {
            b.setLobbyReply(KnockText.newBuilder().setKnockId(a.knock().value()).setText(a.text()));
        } else if (action instanceof ModeratorAction.Promote a) {
            b.setPromote(a.participant().value());
        } else if (action instanceof ModeratorAction.Kick a) {
            b.setKick(org.parley.engine.serialization.proto.v1.Kick.newBuilder()
                    .setParticipantId(a.participant().value()).setBan(a.ban()).setMessage(a.message()));
        } else if (action instanceof ModeratorAction.LowerHand a) {
            b.setLowerHand(a.participant().value());
        } else if (action instanceof ModeratorAction.LowerAllHands) {
            b.setLowerAllHands(true);
        } else if (action instanceof ModeratorAction.EndConference) {
            b.setEndConference(true);
        } else if (action instanceof ModeratorAction.DeleteChat a) {
            b.setDeleteChat(a.message().value());
        } else if (action instanceof ModeratorAction.Mute a) {
            b.setMute(org.parley.engine.serialization.proto.v1.MuteWho.newBuilder()
                    .setParticipantId(a.participant().map(ParticipantId::value).orElse("")).setKind(AccessValues.kind(a.kind())));
        } else if (action instanceof ModeratorAction.SetMediaPolicy a) {
            b.setSetMediaPolicy(AccessValues.policy(a.policy()));
        } else if (action instanceof ModeratorAction.AllowUnmute a) {
            b.setAllowUnmute(AccessValues.gate(new UnmuteGate(a.participant(), a.kind())));
        }
        return b.build();
    }

    private Conference.Moderate moderate(org.parley.engine.serialization.proto.v1.Moderate p) throws NotSerializableException {
        ModeratorAction action = switch (p.getActionCase()) {
            case SET_LOBBY -> new ModeratorAction.SetLobby(p.getSetLobby());
            case SET_PASSWORD -> new ModeratorAction.SetPassword(p.getSetPassword().hasHash()
                    ? Optional.of(AccessValues.passwordHash(p.getSetPassword().getHash())) : Optional.empty());
            case ADMIT -> new ModeratorAction.Admit(new KnockId(p.getAdmit()));
            case REJECT -> new ModeratorAction.Reject(new KnockId(p.getReject().getKnockId()), p.getReject().getText());
            case LOBBY_REPLY -> new ModeratorAction.LobbyReply(
                    new KnockId(p.getLobbyReply().getKnockId()), p.getLobbyReply().getText());
            case PROMOTE -> new ModeratorAction.Promote(new ParticipantId(p.getPromote()));
            case KICK -> new ModeratorAction.Kick(new ParticipantId(p.getKick().getParticipantId()), p.getKick().getBan(),
                    p.getKick().getMessage());
            case LOWER_HAND -> new ModeratorAction.LowerHand(new ParticipantId(p.getLowerHand()));
            case LOWER_ALL_HANDS -> new ModeratorAction.LowerAllHands();
            case END_CONFERENCE -> new ModeratorAction.EndConference();
            case DELETE_CHAT -> new ModeratorAction.DeleteChat(new ChatMessageId(p.getDeleteChat()));
            case MUTE -> new ModeratorAction.Mute(p.getMute().getParticipantId().isEmpty() ? Optional.empty()
                    : Optional.of(new ParticipantId(p.getMute().getParticipantId())), AccessValues.kind(p.getMute().getKind()));
            case SET_MEDIA_POLICY -> new ModeratorAction.SetMediaPolicy(AccessValues.policy(p.getSetMediaPolicy()));
            case ALLOW_UNMUTE -> {
                UnmuteGate gate = AccessValues.gate(p.getAllowUnmute());
                yield new ModeratorAction.AllowUnmute(gate.participant(), gate.kind());
            }
            case ACTION_NOT_SET -> throw new NotSerializableException("a Moderate message without an action");
        };
        return new Conference.Moderate(authority(p.getBy()), action, refs.resolveActorRef(p.getReplyTo()));
    }

    private byte[] question(ParticipantId participant, MuteKind kind, ActorRef<?> replyTo) {
        return org.parley.engine.serialization.proto.v1.UnmuteQuestion.newBuilder().setParticipantId(participant.value())
                .setKind(AccessValues.kind(kind)).setReplyTo(ref(replyTo)).build().toByteArray();
    }

    private static Reaction reaction(String name) throws NotSerializableException {
        try {
            return Reaction.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new NotSerializableException("unknown reaction " + name);
        }
    }

    private static org.parley.engine.serialization.proto.v1.Authority authority(Authority authority) {
        var b = org.parley.engine.serialization.proto.v1.Authority.newBuilder();
        if (authority instanceof Authority.InRoom a) {
            b.setParticipantId(a.participant().value());
        } else if (authority instanceof Authority.Person a) {
            b.setPerson(caller(a.caller()));
        } else if (authority instanceof Authority.Service a) {
            b.setService(a.name());
        }
        return b.build();
    }

    private static Authority authority(org.parley.engine.serialization.proto.v1.Authority p) throws NotSerializableException {
        return switch (p.getWhoCase()) {
            case PARTICIPANT_ID -> new Authority.InRoom(new ParticipantId(p.getParticipantId()));
            case PERSON -> new Authority.Person(caller(p.getPerson()));
            case SERVICE -> new Authority.Service(p.getService());
            case WHO_NOT_SET -> throw new NotSerializableException("a moderator action names no authority");
        };
    }

    private static org.parley.engine.serialization.proto.v1.Caller caller(Caller caller) {
        return org.parley.engine.serialization.proto.v1.Caller.newBuilder().setSubject(caller.subject())
                .setSignedIn(caller.signedIn()).setMember(caller.member()).build();
    }

    private static Caller caller(org.parley.engine.serialization.proto.v1.Caller p) {
        return new Caller(p.getSubject(), p.getSignedIn(), p.getMember());
    }

    private String ref(ActorRef<?> ref) {
        return refs.toSerializationFormat(ref);
    }

    private static ParticipantUpdated updated(RoomUpdate.ParticipantUpdated u) {
        return ParticipantUpdated.newBuilder().setParticipantId(u.participant().value()).setDisplayName(u.displayName())
                .setLanguage(u.language()).setAudioMuted(u.audioMuted()).setVideoMuted(u.videoMuted()).build();
    }

    private static RoomUpdate.ParticipantUpdated updated(ParticipantUpdated p) {
        return new RoomUpdate.ParticipantUpdated(new ParticipantId(p.getParticipantId()), p.getDisplayName(),
                p.getLanguage(), p.getAudioMuted(), p.getVideoMuted());
    }
}

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
import org.parley.engine.conference.Conference;
import org.parley.engine.conference.Member;
import org.parley.engine.conference.ParticipantId;
import org.parley.engine.conference.RoomName;
import org.parley.engine.conference.RoomUpdate;
import org.parley.engine.participant.Participant;
import org.parley.engine.participant.ResumeToken;
import org.parley.engine.serialization.proto.v1.Admission;
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
        C_JOIN, C_LEAVE, C_SUBSCRIBE, C_GET, C_RELAY, C_ADMISSION,
        U_JOINED, U_LEFT, U_ROLE, U_PARTICIPANT, U_ENDED,
        P_REGISTER, P_NAME, P_LANGUAGE, P_AUDIO, P_VIDEO, P_RESUME, P_KEEP_ALIVE, P_LEAVE, P_GET;

        static Manifest of(Object o) {
            if (o instanceof Conference.Join) return C_JOIN;
            if (o instanceof Conference.Leave) return C_LEAVE;
            if (o instanceof Conference.Subscribe) return C_SUBSCRIBE;
            if (o instanceof Conference.GetState) return C_GET;
            if (o instanceof Conference.Relay) return C_RELAY;
            if (o instanceof Conference.Admission) return C_ADMISSION;
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
                yield Join.newBuilder().setParticipantId(m.participant().value()).setDisplayName(m.displayName())
                        .setListener(ref(m.listener())).setReplyTo(ref(m.replyTo())).build().toByteArray();
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
                var m = (Conference.Admission) o;
                yield Admission.newBuilder().setRole(role(m.role()))
                        .setConference(ConferenceSerializer.snapshot(m.conference())).build().toByteArray();
            }
            case U_JOINED -> {
                Member member = ((RoomUpdate.MemberJoined) o).member();
                yield MemberJoined.newBuilder().setMember(ConferenceSnapshot.Member.newBuilder()
                        .setParticipantId(member.id().value()).setDisplayName(member.displayNameAtJoin())
                        .setRole(role(member.role())).setJoinedAtEpochMillis(millis(member.joinedAt())))
                        .build().toByteArray();
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
                            refs.resolveActorRef(p.getListener()), refs.resolveActorRef(p.getReplyTo()));
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
                    yield new Conference.Admission(role(p.getRole()), ConferenceSerializer.state(p.getConference()));
                }
                case U_JOINED -> {
                    var m = MemberJoined.parseFrom(bytes).getMember();
                    yield new RoomUpdate.MemberJoined(new Member(new ParticipantId(m.getParticipantId()),
                            m.getDisplayName(), role(m.getRole()), instant(m.getJoinedAtEpochMillis())));
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

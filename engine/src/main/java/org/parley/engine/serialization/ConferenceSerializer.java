package org.parley.engine.serialization;

import static org.parley.engine.serialization.ProtoValues.actor;
import static org.parley.engine.serialization.ProtoValues.initiator;
import static org.parley.engine.serialization.ProtoValues.instant;
import static org.parley.engine.serialization.ProtoValues.leaveReason;
import static org.parley.engine.serialization.ProtoValues.millis;
import static org.parley.engine.serialization.ProtoValues.optionalInstant;
import static org.parley.engine.serialization.ProtoValues.role;

import com.google.protobuf.InvalidProtocolBufferException;
import java.io.NotSerializableException;
import java.util.Optional;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.serialization.SerializerWithStringManifest;
import org.parley.engine.conference.Access;
import org.parley.engine.conference.Conference;
import org.parley.engine.conference.ConferenceState;
import org.parley.engine.conference.EndReason;
import org.parley.engine.conference.KnockId;
import org.parley.engine.conference.MediaPolicy;
import org.parley.engine.conference.MediaRules;
import org.parley.engine.conference.Member;
import org.parley.engine.conference.ParticipantId;
import org.parley.engine.conference.Phase;
import org.parley.engine.conference.RoomName;
import org.parley.persistence.proto.v1.ConferenceSnapshot;

/** The one seam between the Conference's domain records and their stored protobuf form. */
public final class ConferenceSerializer extends SerializerWithStringManifest {

    public static final int IDENTIFIER = 4101;

    private static final String STARTED = "CS";
    private static final String JOINED = "PJ";
    private static final String LEFT = "PL";
    private static final String MODERATOR_GRANTED = "MG";
    private static final String ENDED = "CE";
    private static final String LOBBY = "LC";
    private static final String PASSWORD = "PC";
    private static final String KNOCKED = "KN";
    private static final String KNOCK_ANSWERED = "KA";
    private static final String LOBBY_MESSAGE = "LM";
    private static final String KICKED = "PK";
    private static final String HAND_RAISED = "HR";
    private static final String HAND_LOWERED = "HL";
    private static final String ALL_HANDS_LOWERED = "AHL";
    private static final String CHAT_POSTED = "CM";
    private static final String CHAT_DELETED = "CD";
    private static final String MEDIA_POLICY = "MP";
    private static final String UNMUTE_ASKED = "UQ";
    private static final String UNMUTE_ALLOWED = "UA";
    private static final String MODERATOR_MUTED = "MM";
    private static final String POLL_LISTED = "PLi";
    private static final String SNAPSHOT = "CSnap";

    public ConferenceSerializer(ExtendedActorSystem system) {}

    @Override
    public int identifier() {
        return IDENTIFIER;
    }

    @Override
    public String manifest(Object o) {
        if (o instanceof Conference.ConferenceStarted) return STARTED;
        if (o instanceof Conference.ParticipantJoined) return JOINED;
        if (o instanceof Conference.ParticipantLeft) return LEFT;
        if (o instanceof Conference.ModeratorGranted) return MODERATOR_GRANTED;
        if (o instanceof Conference.ConferenceEnded) return ENDED;
        if (o instanceof Conference.LobbyChanged) return LOBBY;
        if (o instanceof Conference.PasswordChanged) return PASSWORD;
        if (o instanceof Conference.Knocked) return KNOCKED;
        if (o instanceof Conference.KnockAnswered) return KNOCK_ANSWERED;
        if (o instanceof Conference.LobbyMessageSent) return LOBBY_MESSAGE;
        if (o instanceof Conference.ParticipantKicked) return KICKED;
        if (o instanceof Conference.HandRaised) return HAND_RAISED;
        if (o instanceof Conference.HandLowered) return HAND_LOWERED;
        if (o instanceof Conference.AllHandsLowered) return ALL_HANDS_LOWERED;
        if (o instanceof Conference.ChatMessagePosted) return CHAT_POSTED;
        if (o instanceof Conference.ChatMessageDeleted) return CHAT_DELETED;
        if (o instanceof Conference.MediaPolicyChanged) return MEDIA_POLICY;
        if (o instanceof Conference.UnmuteAsked) return UNMUTE_ASKED;
        if (o instanceof Conference.UnmuteAllowed) return UNMUTE_ALLOWED;
        if (o instanceof Conference.ModeratorMuted) return MODERATOR_MUTED;
        if (o instanceof Conference.PollListed) return POLL_LISTED;
        if (o instanceof ConferenceState) return SNAPSHOT;
        throw new IllegalArgumentException("ConferenceSerializer cannot serialize " + o.getClass().getName());
    }

    @Override
    public byte[] toBinary(Object o) {
        if (o instanceof Conference.ConferenceStarted e) {
            return org.parley.persistence.proto.v1.ConferenceStarted.newBuilder()
                    .setRoom(e.room().value())
                    .setInstance(e.instance())
                    .setBy(actor(e.by()))
                    .setAtEpochMillis(millis(e.at()))
                    .build().toByteArray();
        }
        if (o instanceof Conference.ParticipantJoined e) {
            return org.parley.persistence.proto.v1.ParticipantJoined.newBuilder()
                    .setParticipantId(e.participant().value())
                    .setDisplayName(e.displayName())
                    .setRole(role(e.role()))
                    .setAtEpochMillis(millis(e.at()))
                    .setSubject(e.subject())
                    .setSignedIn(e.signedIn())
                    .build().toByteArray();
        }
        if (o instanceof Conference.ParticipantLeft e) {
            return org.parley.persistence.proto.v1.ParticipantLeft.newBuilder()
                    .setParticipantId(e.participant().value())
                    .setReason(leaveReason(e.reason()))
                    .setAtEpochMillis(millis(e.at()))
                    .build().toByteArray();
        }
        if (o instanceof Conference.ModeratorGranted e) {
            return org.parley.persistence.proto.v1.ModeratorGranted.newBuilder()
                    .setParticipantId(e.participant().value())
                    .setBy(actor(e.by()))
                    .setAtEpochMillis(millis(e.at()))
                    .build().toByteArray();
        }
        if (o instanceof Conference.ConferenceEnded e) {
            return org.parley.persistence.proto.v1.ConferenceEnded.newBuilder()
                    .setReason(endReason(e.reason()))
                    .setBy(actor(e.by()))
                    .setAtEpochMillis(millis(e.at()))
                    .build().toByteArray();
        }
        if (o instanceof Conference.LobbyChanged e) {
            return org.parley.persistence.proto.v1.LobbyChanged.newBuilder()
                    .setEnabled(e.enabled()).setBy(actor(e.by())).setAtEpochMillis(millis(e.at()))
                    .build().toByteArray();
        }
        if (o instanceof Conference.PasswordChanged e) {
            var b = org.parley.persistence.proto.v1.PasswordChanged.newBuilder()
                    .setBy(actor(e.by())).setAtEpochMillis(millis(e.at()));
            e.hash().ifPresent(hash -> b.setHash(AccessValues.passwordHash(hash)));
            return b.build().toByteArray();
        }
        if (o instanceof Conference.Knocked e) {
            return org.parley.persistence.proto.v1.Knocked.newBuilder().setKnock(AccessValues.knock(e.knock()))
                    .build().toByteArray();
        }
        if (o instanceof Conference.KnockAnswered e) {
            return org.parley.persistence.proto.v1.KnockAnswered.newBuilder()
                    .setKnockId(e.knock().value()).setOutcome(AccessValues.outcome(e.outcome()))
                    .setBy(actor(e.by())).setMessage(e.message()).setAtEpochMillis(millis(e.at()))
                    .build().toByteArray();
        }
        if (o instanceof Conference.LobbyMessageSent e) {
            return org.parley.persistence.proto.v1.LobbyMessageSent.newBuilder()
                    .setKnockId(e.knock().value()).setFrom(actor(e.from())).setFromModerator(e.fromModerator())
                    .setText(e.text()).setAtEpochMillis(millis(e.at()))
                    .build().toByteArray();
        }
        if (o instanceof Conference.ParticipantKicked e) {
            return org.parley.persistence.proto.v1.ParticipantKicked.newBuilder()
                    .setParticipantId(e.participant().value()).setBy(actor(e.by())).setBanned(e.banned())
                    .setMessage(e.message()).setAtEpochMillis(millis(e.at()))
                    .build().toByteArray();
        }
        if (o instanceof Conference.HandRaised e) {
            return org.parley.persistence.proto.v1.HandRaised.newBuilder()
                    .setParticipantId(e.participant().value()).setAtEpochMillis(millis(e.at())).build().toByteArray();
        }
        if (o instanceof Conference.HandLowered e) {
            return org.parley.persistence.proto.v1.HandLowered.newBuilder()
                    .setParticipantId(e.participant().value()).setBy(actor(e.by())).setAtEpochMillis(millis(e.at()))
                    .build().toByteArray();
        }
        if (o instanceof Conference.AllHandsLowered e) {
            return org.parley.persistence.proto.v1.AllHandsLowered.newBuilder()
                    .setBy(actor(e.by())).setAtEpochMillis(millis(e.at())).build().toByteArray();
        }
        if (o instanceof Conference.ChatMessagePosted e) {
            return org.parley.persistence.proto.v1.ChatMessagePosted.newBuilder().setMessage(AccessValues.chat(e.message()))
                    .build().toByteArray();
        }
        if (o instanceof Conference.ChatMessageDeleted e) {
            return org.parley.persistence.proto.v1.ChatMessageDeleted.newBuilder().setMessageId(e.message().value())
                    .setBy(actor(e.by())).setAtEpochMillis(millis(e.at())).build().toByteArray();
        }
        if (o instanceof Conference.MediaPolicyChanged e) {
            return org.parley.persistence.proto.v1.MediaPolicyChanged.newBuilder().setPolicy(AccessValues.policy(e.policy()))
                    .setBy(actor(e.by())).setAtEpochMillis(millis(e.at())).build().toByteArray();
        }
        if (o instanceof Conference.UnmuteAsked e) {
            return org.parley.persistence.proto.v1.UnmuteAsked.newBuilder().setParticipantId(e.participant().value())
                    .setKind(AccessValues.kind(e.kind())).setAtEpochMillis(millis(e.at())).build().toByteArray();
        }
        if (o instanceof Conference.UnmuteAllowed e) {
            return org.parley.persistence.proto.v1.UnmuteAllowed.newBuilder().setParticipantId(e.participant().value())
                    .setKind(AccessValues.kind(e.kind())).setBy(actor(e.by())).setAtEpochMillis(millis(e.at()))
                    .build().toByteArray();
        }
        if (o instanceof Conference.ModeratorMuted e) {
            return org.parley.persistence.proto.v1.ModeratorMuted.newBuilder()
                    .addAllParticipantIds(e.participants().stream().map(ParticipantId::value).toList())
                    .setKind(AccessValues.kind(e.kind())).setBy(actor(e.by())).setAtEpochMillis(millis(e.at()))
                    .build().toByteArray();
        }
        if (o instanceof Conference.PollListed e) {
            return org.parley.persistence.proto.v1.PollListed.newBuilder().setPollId(e.pollId())
                    .setAtEpochMillis(millis(e.at())).build().toByteArray();
        }
        if (o instanceof ConferenceState s) {
            return snapshot(s).toByteArray();
        }
        throw new IllegalArgumentException("ConferenceSerializer cannot serialize " + o.getClass().getName());
    }

    @Override
    public Object fromBinary(byte[] bytes, String manifest) throws NotSerializableException {
        try {
            return switch (manifest) {
                case STARTED -> {
                    var p = org.parley.persistence.proto.v1.ConferenceStarted.parseFrom(bytes);
                    yield new Conference.ConferenceStarted(
                            new RoomName(p.getRoom()), p.getInstance(), initiator(p.getBy()), instant(p.getAtEpochMillis()));
                }
                case JOINED -> {
                    var p = org.parley.persistence.proto.v1.ParticipantJoined.parseFrom(bytes);
                    yield new Conference.ParticipantJoined(new ParticipantId(p.getParticipantId()), p.getDisplayName(),
                            role(p.getRole()), p.getSubject(), p.getSignedIn(),
                            instant(p.getAtEpochMillis()));
                }
                case LEFT -> {
                    var p = org.parley.persistence.proto.v1.ParticipantLeft.parseFrom(bytes);
                    yield new Conference.ParticipantLeft(new ParticipantId(p.getParticipantId()),
                            leaveReason(p.getReason()), instant(p.getAtEpochMillis()));
                }
                case MODERATOR_GRANTED -> {
                    var p = org.parley.persistence.proto.v1.ModeratorGranted.parseFrom(bytes);
                    yield new Conference.ModeratorGranted(new ParticipantId(p.getParticipantId()),
                            initiator(p.getBy()), instant(p.getAtEpochMillis()));
                }
                case ENDED -> {
                    var p = org.parley.persistence.proto.v1.ConferenceEnded.parseFrom(bytes);
                    yield new Conference.ConferenceEnded(
                            endReason(p.getReason()), initiator(p.getBy()), instant(p.getAtEpochMillis()));
                }
                case LOBBY -> {
                    var p = org.parley.persistence.proto.v1.LobbyChanged.parseFrom(bytes);
                    yield new Conference.LobbyChanged(p.getEnabled(), initiator(p.getBy()), instant(p.getAtEpochMillis()));
                }
                case PASSWORD -> {
                    var p = org.parley.persistence.proto.v1.PasswordChanged.parseFrom(bytes);
                    yield new Conference.PasswordChanged(
                            p.hasHash() ? Optional.of(AccessValues.passwordHash(p.getHash())) : Optional.empty(),
                            initiator(p.getBy()), instant(p.getAtEpochMillis()));
                }
                case KNOCKED -> new Conference.Knocked(
                        AccessValues.knock(org.parley.persistence.proto.v1.Knocked.parseFrom(bytes).getKnock()));
                case KNOCK_ANSWERED -> {
                    var p = org.parley.persistence.proto.v1.KnockAnswered.parseFrom(bytes);
                    yield new Conference.KnockAnswered(new KnockId(p.getKnockId()), AccessValues.outcome(p.getOutcome()),
                            initiator(p.getBy()), p.getMessage(), instant(p.getAtEpochMillis()));
                }
                case LOBBY_MESSAGE -> {
                    var p = org.parley.persistence.proto.v1.LobbyMessageSent.parseFrom(bytes);
                    yield new Conference.LobbyMessageSent(new KnockId(p.getKnockId()), initiator(p.getFrom()),
                            p.getFromModerator(), p.getText(), instant(p.getAtEpochMillis()));
                }
                case KICKED -> {
                    var p = org.parley.persistence.proto.v1.ParticipantKicked.parseFrom(bytes);
                    yield new Conference.ParticipantKicked(new ParticipantId(p.getParticipantId()), initiator(p.getBy()),
                            p.getBanned(), p.getMessage(), instant(p.getAtEpochMillis()));
                }
                case HAND_RAISED -> {
                    var p = org.parley.persistence.proto.v1.HandRaised.parseFrom(bytes);
                    yield new Conference.HandRaised(new ParticipantId(p.getParticipantId()), instant(p.getAtEpochMillis()));
                }
                case HAND_LOWERED -> {
                    var p = org.parley.persistence.proto.v1.HandLowered.parseFrom(bytes);
                    yield new Conference.HandLowered(new ParticipantId(p.getParticipantId()), initiator(p.getBy()),
                            instant(p.getAtEpochMillis()));
                }
                case ALL_HANDS_LOWERED -> {
                    var p = org.parley.persistence.proto.v1.AllHandsLowered.parseFrom(bytes);
                    yield new Conference.AllHandsLowered(initiator(p.getBy()), instant(p.getAtEpochMillis()));
                }
                case CHAT_POSTED -> new Conference.ChatMessagePosted(
                        AccessValues.chat(org.parley.persistence.proto.v1.ChatMessagePosted.parseFrom(bytes).getMessage()));
                case CHAT_DELETED -> {
                    var p = org.parley.persistence.proto.v1.ChatMessageDeleted.parseFrom(bytes);
                    yield new Conference.ChatMessageDeleted(new org.parley.engine.conference.ChatMessageId(p.getMessageId()),
                            initiator(p.getBy()), instant(p.getAtEpochMillis()));
                }
                case MEDIA_POLICY -> {
                    var p = org.parley.persistence.proto.v1.MediaPolicyChanged.parseFrom(bytes);
                    yield new Conference.MediaPolicyChanged(AccessValues.policy(p.getPolicy()), initiator(p.getBy()),
                            instant(p.getAtEpochMillis()));
                }
                case UNMUTE_ASKED -> {
                    var p = org.parley.persistence.proto.v1.UnmuteAsked.parseFrom(bytes);
                    yield new Conference.UnmuteAsked(new ParticipantId(p.getParticipantId()), AccessValues.kind(p.getKind()),
                            instant(p.getAtEpochMillis()));
                }
                case UNMUTE_ALLOWED -> {
                    var p = org.parley.persistence.proto.v1.UnmuteAllowed.parseFrom(bytes);
                    yield new Conference.UnmuteAllowed(new ParticipantId(p.getParticipantId()), AccessValues.kind(p.getKind()),
                            initiator(p.getBy()), instant(p.getAtEpochMillis()));
                }
                case MODERATOR_MUTED -> {
                    var p = org.parley.persistence.proto.v1.ModeratorMuted.parseFrom(bytes);
                    yield new Conference.ModeratorMuted(p.getParticipantIdsList().stream().map(ParticipantId::new).toList(),
                            AccessValues.kind(p.getKind()), initiator(p.getBy()), instant(p.getAtEpochMillis()));
                }
                case POLL_LISTED -> {
                    var p = org.parley.persistence.proto.v1.PollListed.parseFrom(bytes);
                    yield new Conference.PollListed(p.getPollId(), instant(p.getAtEpochMillis()));
                }
                case SNAPSHOT -> state(ConferenceSnapshot.parseFrom(bytes));
                default -> throw new NotSerializableException("unknown conference manifest " + manifest);
            };
        } catch (InvalidProtocolBufferException e) {
            throw new NotSerializableException("unreadable conference record " + manifest + ": " + e.getMessage());
        }
    }

    static ConferenceSnapshot snapshot(ConferenceState s) {
        ConferenceSnapshot.Builder b = ConferenceSnapshot.newBuilder()
                .setRoom(s.room().value())
                .setPhase(phase(s.phase()))
                .setInstance(s.instance())
                .setStartedBy(actor(s.startedBy()))
                .setStartedAtEpochMillis(s.startedAt().map(ProtoValues::millis).orElse(0L))
                .setEndedAtEpochMillis(s.endedAt().map(ProtoValues::millis).orElse(0L));
        for (Member m : s.roster()) {
            b.addRoster(member(m));
        }
        s.raisedHands().forEach(hand -> b.addRaisedHands(hand.value()));
        s.chat().forEach(message -> b.addChat(AccessValues.chat(message)));
        b.addAllPolls(s.polls());
        if (!s.media().equals(MediaRules.OPEN)) {
            b.setMediaPolicy(AccessValues.policy(s.media().policy()));
            s.media().asks().forEach(gate -> b.addUnmuteAsks(AccessValues.gate(gate)));
            s.media().allowed().forEach(gate -> b.addUnmuteAllowed(AccessValues.gate(gate)));
        }
        if (!s.access().equals(Access.OPEN)) {
            // Left out when open, so snapshots of rooms without access rules read and write as before.
            b.setAccess(AccessValues.access(s.access()));
        }
        return b.build();
    }

    static ConferenceState state(ConferenceSnapshot p) {
        return new ConferenceState(
                new RoomName(p.getRoom()),
                phase(p.getPhase()),
                p.getInstance(),
                initiator(p.getStartedBy()),
                optionalInstant(p.getStartedAtEpochMillis()),
                optionalInstant(p.getEndedAtEpochMillis()),
                p.getRosterList().stream().map(ConferenceSerializer::member).toList(),
                AccessValues.access(p.getAccess()),
                p.getRaisedHandsList().stream().map(ParticipantId::new).toList(),
                p.getChatList().stream().map(AccessValues::chat).toList(),
                new MediaRules(p.hasMediaPolicy() ? AccessValues.policy(p.getMediaPolicy()) : MediaPolicy.OPEN,
                        p.getUnmuteAsksList().stream().map(AccessValues::gate).toList(),
                        p.getUnmuteAllowedList().stream().map(AccessValues::gate).toList()),
                p.getPollsList());
    }

    static ConferenceSnapshot.Member member(Member m) {
        return ConferenceSnapshot.Member.newBuilder()
                .setParticipantId(m.id().value())
                .setDisplayName(m.displayNameAtJoin())
                .setRole(role(m.role()))
                .setJoinedAtEpochMillis(millis(m.joinedAt()))
                .setSubject(m.subject())
                .setSignedIn(m.signedIn())
                .build();
    }

    static Member member(ConferenceSnapshot.Member m) {
        return new Member(new ParticipantId(m.getParticipantId()), m.getDisplayName(), role(m.getRole()),
                instant(m.getJoinedAtEpochMillis()), m.getSubject(), m.getSignedIn());
    }

    private static ConferenceSnapshot.Phase phase(Phase phase) {
        return switch (phase) {
            case NOT_STARTED -> ConferenceSnapshot.Phase.PHASE_NOT_STARTED;
            case STARTED -> ConferenceSnapshot.Phase.PHASE_STARTED;
            case RUNNING -> ConferenceSnapshot.Phase.PHASE_RUNNING;
            case ENDED -> ConferenceSnapshot.Phase.PHASE_ENDED;
        };
    }

    private static Phase phase(ConferenceSnapshot.Phase phase) {
        return switch (phase) {
            case PHASE_NOT_STARTED -> Phase.NOT_STARTED;
            case PHASE_STARTED -> Phase.STARTED;
            case PHASE_RUNNING -> Phase.RUNNING;
            case PHASE_ENDED -> Phase.ENDED;
            default -> throw new IllegalArgumentException("unknown phase in stored snapshot: " + phase);
        };
    }

    static org.parley.persistence.proto.v1.EndReason endReason(EndReason reason) {
        return switch (reason) {
            case LAST_PARTICIPANT_LEFT -> org.parley.persistence.proto.v1.EndReason.END_REASON_LAST_PARTICIPANT_LEFT;
            case ENDED_BY_MODERATOR -> org.parley.persistence.proto.v1.EndReason.END_REASON_ENDED_BY_MODERATOR;
        };
    }

    static EndReason endReason(org.parley.persistence.proto.v1.EndReason reason) {
        return switch (reason) {
            case END_REASON_LAST_PARTICIPANT_LEFT -> EndReason.LAST_PARTICIPANT_LEFT;
            case END_REASON_ENDED_BY_MODERATOR -> EndReason.ENDED_BY_MODERATOR;
            default -> throw new IllegalArgumentException("unknown end reason in stored event: " + reason);
        };
    }
}

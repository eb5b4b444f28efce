package org.parley.engine.serialization;

import static org.parley.engine.serialization.ProtoValues.actor;
import static org.parley.engine.serialization.ProtoValues.initiator;
import static org.parley.engine.serialization.ProtoValues.instant;
import static org.parley.engine.serialization.ProtoValues.leaveReason;
import static org.parley.engine.serialization.ProtoValues.millis;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.NotSerializableException;
import java.util.HexFormat;
import java.util.Optional;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.serialization.SerializerWithStringManifest;
import org.parley.engine.conference.ParticipantId;
import org.parley.engine.conference.RoomName;
import org.parley.engine.participant.Participant;
import org.parley.engine.participant.ParticipantState;
import org.parley.persistence.proto.v1.ParticipantSnapshot;

/** The one seam between the Participant's domain records and their stored protobuf form. */
public final class ParticipantSerializer extends SerializerWithStringManifest {

    public static final int IDENTIFIER = 4102;

    private static final String REGISTERED = "PR";
    private static final String NAME_CHANGED = "DN";
    private static final String LANGUAGE_CHANGED = "LG";
    private static final String AUDIO_MUTE = "AM";
    private static final String VIDEO_MUTE = "VM";
    private static final String DEPARTED = "PD";
    private static final String SNAPSHOT = "PSnap";

    private static final HexFormat HEX = HexFormat.of();

    public ParticipantSerializer(ExtendedActorSystem system) {}

    @Override
    public int identifier() {
        return IDENTIFIER;
    }

    @Override
    public String manifest(Object o) {
        if (o instanceof Participant.Registered) return REGISTERED;
        if (o instanceof Participant.DisplayNameChanged) return NAME_CHANGED;
        if (o instanceof Participant.LanguageChanged) return LANGUAGE_CHANGED;
        if (o instanceof Participant.AudioMuteChanged) return AUDIO_MUTE;
        if (o instanceof Participant.VideoMuteChanged) return VIDEO_MUTE;
        if (o instanceof Participant.Departed) return DEPARTED;
        if (o instanceof ParticipantState) return SNAPSHOT;
        throw new IllegalArgumentException("ParticipantSerializer cannot serialize " + o.getClass().getName());
    }

    @Override
    public byte[] toBinary(Object o) {
        if (o instanceof Participant.Registered e) {
            return org.parley.persistence.proto.v1.ParticipantRegistered.newBuilder()
                    .setRoom(e.room().value())
                    .setDisplayName(e.displayName())
                    .setLanguage(e.language())
                    .setAudioMuted(e.audioMuted())
                    .setVideoMuted(e.videoMuted())
                    .setAcceptedTerms(e.acceptedTerms())
                    .setResumeTokenHash(hashBytes(e.resumeTokenHash()))
                    .setAtEpochMillis(millis(e.at()))
                    .build().toByteArray();
        }
        if (o instanceof Participant.DisplayNameChanged e) {
            return org.parley.persistence.proto.v1.DisplayNameChanged.newBuilder()
                    .setDisplayName(e.displayName())
                    .setAtEpochMillis(millis(e.at()))
                    .build().toByteArray();
        }
        if (o instanceof Participant.LanguageChanged e) {
            return org.parley.persistence.proto.v1.LanguageChanged.newBuilder()
                    .setLanguage(e.language())
                    .setAtEpochMillis(millis(e.at()))
                    .build().toByteArray();
        }
        if (o instanceof Participant.AudioMuteChanged e) {
            return org.parley.persistence.proto.v1.AudioMuteChanged.newBuilder()
                    .setMuted(e.muted())
                    .setBy(actor(e.by()))
                    .setAtEpochMillis(millis(e.at()))
                    .build().toByteArray();
        }
        if (o instanceof Participant.VideoMuteChanged e) {
            return org.parley.persistence.proto.v1.VideoMuteChanged.newBuilder()
                    .setMuted(e.muted())
                    .setBy(actor(e.by()))
                    .setAtEpochMillis(millis(e.at()))
                    .build().toByteArray();
        }
        if (o instanceof Participant.Departed e) {
            return org.parley.persistence.proto.v1.ParticipantDeparted.newBuilder()
                    .setReason(leaveReason(e.reason()))
                    .setAtEpochMillis(millis(e.at()))
                    .build().toByteArray();
        }
        if (o instanceof ParticipantState s) {
            return snapshot(s).toByteArray();
        }
        throw new IllegalArgumentException("ParticipantSerializer cannot serialize " + o.getClass().getName());
    }

    @Override
    public Object fromBinary(byte[] bytes, String manifest) throws NotSerializableException {
        try {
            return switch (manifest) {
                case REGISTERED -> {
                    var p = org.parley.persistence.proto.v1.ParticipantRegistered.parseFrom(bytes);
                    yield new Participant.Registered(new RoomName(p.getRoom()), p.getDisplayName(), p.getLanguage(),
                            p.getAudioMuted(), p.getVideoMuted(), p.getAcceptedTerms(),
                            HEX.formatHex(p.getResumeTokenHash().toByteArray()),
                            instant(p.getAtEpochMillis()));
                }
                case NAME_CHANGED -> {
                    var p = org.parley.persistence.proto.v1.DisplayNameChanged.parseFrom(bytes);
                    yield new Participant.DisplayNameChanged(p.getDisplayName(), instant(p.getAtEpochMillis()));
                }
                case LANGUAGE_CHANGED -> {
                    var p = org.parley.persistence.proto.v1.LanguageChanged.parseFrom(bytes);
                    yield new Participant.LanguageChanged(p.getLanguage(), instant(p.getAtEpochMillis()));
                }
                case AUDIO_MUTE -> {
                    var p = org.parley.persistence.proto.v1.AudioMuteChanged.parseFrom(bytes);
                    yield new Participant.AudioMuteChanged(p.getMuted(), initiator(p.getBy()), instant(p.getAtEpochMillis()));
                }
                case VIDEO_MUTE -> {
                    var p = org.parley.persistence.proto.v1.VideoMuteChanged.parseFrom(bytes);
                    yield new Participant.VideoMuteChanged(p.getMuted(), initiator(p.getBy()), instant(p.getAtEpochMillis()));
                }
                case DEPARTED -> {
                    var p = org.parley.persistence.proto.v1.ParticipantDeparted.parseFrom(bytes);
                    yield new Participant.Departed(leaveReason(p.getReason()), instant(p.getAtEpochMillis()));
                }
                case SNAPSHOT -> state(ParticipantSnapshot.parseFrom(bytes));
                default -> throw new NotSerializableException("unknown participant manifest " + manifest);
            };
        } catch (InvalidProtocolBufferException e) {
            throw new NotSerializableException("unreadable participant record " + manifest + ": " + e.getMessage());
        }
    }

    private static ParticipantSnapshot snapshot(ParticipantState s) {
        ParticipantSnapshot.Builder b = ParticipantSnapshot.newBuilder()
                .setParticipantId(s.id().value())
                .setRegistered(s.isRegistered())
                .setRoom(s.room().map(RoomName::value).orElse(""))
                .setDisplayName(s.displayName())
                .setLanguage(s.language())
                .setAudioMuted(s.audioMuted())
                .setVideoMuted(s.videoMuted())
                .setResumeTokenHash(hashBytes(s.resumeTokenHash()))
                .setDeparted(s.departure().isPresent());
        s.departure().ifPresent(reason -> b.setDepartureReason(leaveReason(reason)));
        return b.build();
    }

    private static ParticipantState state(ParticipantSnapshot p) {
        return new ParticipantState(
                p.getRegistered() ? Optional.of(new RoomName(p.getRoom())) : Optional.empty(),
                new ParticipantId(p.getParticipantId()),
                p.getDisplayName(),
                p.getLanguage(),
                p.getAudioMuted(),
                p.getVideoMuted(),
                HEX.formatHex(p.getResumeTokenHash().toByteArray()),
                p.getDeparted() ? Optional.of(leaveReason(p.getDepartureReason())) : Optional.empty());
    }

    private static ByteString hashBytes(String hex) {
        return ByteString.copyFrom(HEX.parseHex(hex));
    }
}

package org.parley.engine.serialization;

import static org.parley.engine.serialization.ProtoValues.instant;
import static org.parley.engine.serialization.ProtoValues.millis;

import java.util.Optional;
import org.parley.engine.conference.Access;
import org.parley.engine.conference.ChatMessage;
import org.parley.engine.conference.ChatMessageId;
import org.parley.engine.conference.MediaPolicy;
import org.parley.engine.conference.MuteKind;
import org.parley.engine.conference.ParticipantId;
import org.parley.engine.conference.UnmuteGate;
import org.parley.engine.conference.Knock;
import org.parley.engine.conference.KnockId;
import org.parley.engine.conference.KnockOutcome;
import org.parley.engine.conference.PasswordHash;
import org.parley.persistence.proto.v1.ConferenceSnapshot;

/** Mappings of the access-control and collaboration values (password hash, knocks, access, chat) to protobuf. */
final class AccessValues {

    private AccessValues() {}

    static org.parley.persistence.proto.v1.PasswordHash passwordHash(PasswordHash hash) {
        return org.parley.persistence.proto.v1.PasswordHash.newBuilder()
                .setIterations(hash.iterations()).setSalt(hash.salt()).setDigest(hash.digest()).build();
    }

    static PasswordHash passwordHash(org.parley.persistence.proto.v1.PasswordHash p) {
        return new PasswordHash(p.getIterations(), p.getSalt(), p.getDigest());
    }

    static org.parley.persistence.proto.v1.Knock knock(Knock knock) {
        return org.parley.persistence.proto.v1.Knock.newBuilder()
                .setKnockId(knock.id().value()).setSubject(knock.subject()).setDisplayName(knock.displayName())
                .setSignedIn(knock.signedIn()).setAtEpochMillis(millis(knock.at())).build();
    }

    static Knock knock(org.parley.persistence.proto.v1.Knock p) {
        return new Knock(new KnockId(p.getKnockId()), p.getSubject(), p.getDisplayName(), p.getSignedIn(),
                instant(p.getAtEpochMillis()));
    }

    static org.parley.persistence.proto.v1.KnockOutcome outcome(KnockOutcome outcome) {
        return switch (outcome) {
            case ADMITTED -> org.parley.persistence.proto.v1.KnockOutcome.KNOCK_OUTCOME_ADMITTED;
            case REJECTED -> org.parley.persistence.proto.v1.KnockOutcome.KNOCK_OUTCOME_REJECTED;
            case WITHDRAWN -> org.parley.persistence.proto.v1.KnockOutcome.KNOCK_OUTCOME_WITHDRAWN;
        };
    }

    static KnockOutcome outcome(org.parley.persistence.proto.v1.KnockOutcome outcome) {
        return switch (outcome) {
            case KNOCK_OUTCOME_ADMITTED -> KnockOutcome.ADMITTED;
            case KNOCK_OUTCOME_REJECTED -> KnockOutcome.REJECTED;
            case KNOCK_OUTCOME_WITHDRAWN -> KnockOutcome.WITHDRAWN;
            default -> throw new IllegalArgumentException("unknown knock outcome in stored event: " + outcome);
        };
    }

    static org.parley.persistence.proto.v1.ChatMessage chat(ChatMessage m) {
        return org.parley.persistence.proto.v1.ChatMessage.newBuilder()
                .setMessageId(m.id().value()).setFromParticipantId(m.from().value())
                .setFromDisplayName(m.fromDisplayName()).setToParticipantId(m.to().map(ParticipantId::value).orElse(""))
                .setText(m.text()).setAtEpochMillis(millis(m.at())).build();
    }

    static ChatMessage chat(org.parley.persistence.proto.v1.ChatMessage p) {
        return new ChatMessage(new ChatMessageId(p.getMessageId()), new ParticipantId(p.getFromParticipantId()),
                p.getFromDisplayName(),
                p.getToParticipantId().isEmpty() ? Optional.empty() : Optional.of(new ParticipantId(p.getToParticipantId())),
                p.getText(), instant(p.getAtEpochMillis()));
    }

    static org.parley.persistence.proto.v1.MuteKind kind(MuteKind kind) {
        return switch (kind) {
            case AUDIO -> org.parley.persistence.proto.v1.MuteKind.MUTE_KIND_AUDIO;
            case VIDEO -> org.parley.persistence.proto.v1.MuteKind.MUTE_KIND_VIDEO;
        };
    }

    static MuteKind kind(org.parley.persistence.proto.v1.MuteKind kind) {
        return switch (kind) {
            case MUTE_KIND_AUDIO -> MuteKind.AUDIO;
            case MUTE_KIND_VIDEO -> MuteKind.VIDEO;
            default -> throw new IllegalArgumentException("unknown mute kind in stored record: " + kind);
        };
    }

    static org.parley.persistence.proto.v1.MediaPolicy policy(MediaPolicy p) {
        return org.parley.persistence.proto.v1.MediaPolicy.newBuilder()
                .setStartAudioMuted(p.startAudioMuted()).setStartVideoMuted(p.startVideoMuted())
                .setAskToUnmuteAudio(p.askToUnmuteAudio()).setAskToUnmuteVideo(p.askToUnmuteVideo()).build();
    }

    static MediaPolicy policy(org.parley.persistence.proto.v1.MediaPolicy p) {
        return new MediaPolicy(p.getStartAudioMuted(), p.getStartVideoMuted(), p.getAskToUnmuteAudio(), p.getAskToUnmuteVideo());
    }

    static org.parley.persistence.proto.v1.UnmuteGate gate(UnmuteGate gate) {
        return org.parley.persistence.proto.v1.UnmuteGate.newBuilder()
                .setParticipantId(gate.participant().value()).setKind(kind(gate.kind())).build();
    }

    static UnmuteGate gate(org.parley.persistence.proto.v1.UnmuteGate p) {
        return new UnmuteGate(new ParticipantId(p.getParticipantId()), kind(p.getKind()));
    }

    static ConferenceSnapshot.Access access(Access access) {
        ConferenceSnapshot.Access.Builder b = ConferenceSnapshot.Access.newBuilder()
                .setLobbyEnabled(access.lobbyEnabled())
                .addAllModeratorSubjects(access.moderatorSubjects().stream().sorted().toList())
                .addAllBannedSubjects(access.bannedSubjects().stream().sorted().toList())
                .addAllAdmittedSubjects(access.admittedSubjects().stream().sorted().toList());
        access.password().ifPresent(hash -> b.setPassword(passwordHash(hash)));
        access.knocks().forEach(knock -> b.addKnocks(knock(knock)));
        return b.build();
    }

    static Access access(ConferenceSnapshot.Access p) {
        return new Access(
                p.getLobbyEnabled(),
                p.hasPassword() ? Optional.of(passwordHash(p.getPassword())) : Optional.empty(),
                java.util.Set.copyOf(p.getModeratorSubjectsList()),
                java.util.Set.copyOf(p.getBannedSubjectsList()),
                java.util.Set.copyOf(p.getAdmittedSubjectsList()),
                p.getKnocksList().stream().map(AccessValues::knock).toList());
    }
}

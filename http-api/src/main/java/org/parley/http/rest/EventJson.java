package org.parley.http.rest;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.parley.engine.conference.Conference;
import org.parley.engine.conference.Initiator;
import org.parley.engine.conference.ParticipantId;
import org.parley.engine.history.HistoryEntry;
import org.parley.engine.participant.Participant;

/**
 * One line of {@code GET /api/v1/conferences/{room}/events} (NDJSON). The data is what an audit
 * needs: who, what, when. Secrets (the reconnect secret's hash, the room password's hash) are never
 * written out: a password change shows only whether one is set.
 */
record EventJson(String persistenceId, long sequenceNr, Instant at, String type, Map<String, Object> data) {

    static EventJson of(HistoryEntry entry) {
        Map<String, Object> data = new LinkedHashMap<>();
        Object event = entry.event();
        if (event instanceof Conference.ConferenceStarted e) {
            data.put("room", e.room().value());
            data.put("instance", e.instance());
            data.put("by", who(e.by()));
            e.by().subject().ifPresent(subject -> data.put("startedBy", subject));
        } else if (event instanceof Conference.ParticipantJoined e) {
            data.put("participantId", e.participant().value());
            data.put("displayName", e.displayName());
            data.put("role", e.role().name());
            data.put("subject", e.subject());
            data.put("signedIn", e.signedIn());
        } else if (event instanceof Conference.ParticipantLeft e) {
            data.put("participantId", e.participant().value());
            data.put("reason", e.reason().name());
        } else if (event instanceof Conference.ModeratorGranted e) {
            data.put("participantId", e.participant().value());
            data.put("by", who(e.by()));
        } else if (event instanceof Conference.ConferenceEnded e) {
            data.put("reason", e.reason().name());
            data.put("by", who(e.by()));
        } else if (event instanceof Conference.LobbyChanged e) {
            data.put("enabled", e.enabled());
            data.put("by", who(e.by()));
        } else if (event instanceof Conference.PasswordChanged e) {
            data.put("passwordSet", e.hash().isPresent());
            data.put("by", who(e.by()));
        } else if (event instanceof Conference.Knocked e) {
            data.put("knockId", e.knock().id().value());
            data.put("subject", e.knock().subject());
            data.put("displayName", e.knock().displayName());
            data.put("signedIn", e.knock().signedIn());
        } else if (event instanceof Conference.KnockAnswered e) {
            data.put("knockId", e.knock().value());
            data.put("outcome", e.outcome().name());
            data.put("by", who(e.by()));
            data.put("message", e.message());
        } else if (event instanceof Conference.LobbyMessageSent e) {
            data.put("knockId", e.knock().value());
            data.put("from", who(e.from()));
            data.put("fromModerator", e.fromModerator());
            data.put("text", e.text());
        } else if (event instanceof Conference.ParticipantKicked e) {
            data.put("participantId", e.participant().value());
            data.put("by", who(e.by()));
            data.put("banned", e.banned());
            data.put("message", e.message());
        } else if (event instanceof Conference.HandRaised e) {
            data.put("participantId", e.participant().value());
        } else if (event instanceof Conference.HandLowered e) {
            data.put("participantId", e.participant().value());
            data.put("by", who(e.by()));
        } else if (event instanceof Conference.AllHandsLowered e) {
            data.put("by", who(e.by()));
        } else if (event instanceof Conference.ChatMessagePosted e) {
            data.put("messageId", e.message().id().value());
            data.put("from", e.message().from().value());
            data.put("fromDisplayName", e.message().fromDisplayName());
            e.message().to().ifPresent(to -> data.put("to", to.value()));
            data.put("text", e.message().text());
        } else if (event instanceof Conference.ChatMessageDeleted e) {
            data.put("messageId", e.message().value());
            data.put("by", who(e.by()));
        } else if (event instanceof Conference.MediaPolicyChanged e) {
            data.put("startAudioMuted", e.policy().startAudioMuted());
            data.put("startVideoMuted", e.policy().startVideoMuted());
            data.put("askToUnmuteAudio", e.policy().askToUnmuteAudio());
            data.put("askToUnmuteVideo", e.policy().askToUnmuteVideo());
            data.put("by", who(e.by()));
        } else if (event instanceof Conference.UnmuteAsked e) {
            data.put("participantId", e.participant().value());
            data.put("kind", e.kind().name());
        } else if (event instanceof Conference.UnmuteAllowed e) {
            data.put("participantId", e.participant().value());
            data.put("kind", e.kind().name());
            data.put("by", who(e.by()));
        } else if (event instanceof Conference.ModeratorMuted e) {
            data.put("participantIds", e.participants().stream().map(ParticipantId::value).toList());
            data.put("kind", e.kind().name());
            data.put("by", who(e.by()));
        } else if (event instanceof Participant.Registered e) {
            data.put("room", e.room().value());
            data.put("displayName", e.displayName());
            data.put("language", e.language());
            data.put("audioMuted", e.audioMuted());
            data.put("videoMuted", e.videoMuted());
        } else if (event instanceof Participant.DisplayNameChanged e) {
            data.put("displayName", e.displayName());
        } else if (event instanceof Participant.LanguageChanged e) {
            data.put("language", e.language());
        } else if (event instanceof Participant.AudioMuteChanged e) {
            data.put("muted", e.muted());
            data.put("by", who(e.by()));
        } else if (event instanceof Participant.VideoMuteChanged e) {
            data.put("muted", e.muted());
            data.put("by", who(e.by()));
        } else if (event instanceof Participant.Departed e) {
            data.put("reason", e.reason().name());
        }
        return new EventJson(entry.persistenceId(), entry.sequenceNr(), entry.at(), event.getClass().getSimpleName(), data);
    }

    /** A participant id, else the subject of a person or service acting from outside, else "system". */
    private static String who(Initiator initiator) {
        return initiator.participant().map(ParticipantId::value).or(initiator::subject).orElse("system");
    }
}

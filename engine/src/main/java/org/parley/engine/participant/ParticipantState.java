package org.parley.engine.participant;

import java.util.Optional;
import org.parley.engine.conference.LeaveReason;
import org.parley.engine.conference.ParticipantId;
import org.parley.engine.conference.RoomName;
import org.parley.engine.conference.RoomUpdate;

/**
 * One person in one conference: their profile and whether their microphone and camera are on.
 * Pure: rebuilt from the Participant's log.
 */
public record ParticipantState(
        Optional<RoomName> room,
        ParticipantId id,
        String displayName,
        String language,
        boolean audioMuted,
        boolean videoMuted,
        String resumeTokenHash,
        Optional<LeaveReason> departure) {

    public static ParticipantState unregistered(ParticipantId id) {
        return new ParticipantState(Optional.empty(), id, "", "", false, false, "", Optional.empty());
    }

    public boolean isRegistered() {
        return room.isPresent();
    }

    public boolean isPresent() {
        return isRegistered() && departure.isEmpty();
    }

    public RoomUpdate.ParticipantUpdated asUpdate() {
        return new RoomUpdate.ParticipantUpdated(id, displayName, language, audioMuted, videoMuted);
    }

    public ParticipantState apply(Participant.Event event) {
        if (event instanceof Participant.Registered e) {
            return new ParticipantState(Optional.of(e.room()), id, e.displayName(), e.language(),
                    e.audioMuted(), e.videoMuted(), e.resumeTokenHash(), Optional.empty());
        }
        if (event instanceof Participant.DisplayNameChanged e) {
            return new ParticipantState(room, id, e.displayName(), language, audioMuted, videoMuted, resumeTokenHash, departure);
        }
        if (event instanceof Participant.LanguageChanged e) {
            return new ParticipantState(room, id, displayName, e.language(), audioMuted, videoMuted, resumeTokenHash, departure);
        }
        if (event instanceof Participant.AudioMuteChanged e) {
            return new ParticipantState(room, id, displayName, language, e.muted(), videoMuted, resumeTokenHash, departure);
        }
        if (event instanceof Participant.VideoMuteChanged e) {
            return new ParticipantState(room, id, displayName, language, audioMuted, e.muted(), resumeTokenHash, departure);
        }
        if (event instanceof Participant.Departed e) {
            return new ParticipantState(room, id, displayName, language, audioMuted, videoMuted, resumeTokenHash,
                    Optional.of(e.reason()));
        }
        throw new IllegalArgumentException("unknown participant event " + event.getClass().getName());
    }
}

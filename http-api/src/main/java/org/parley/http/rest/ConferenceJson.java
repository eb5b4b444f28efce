package org.parley.http.rest;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.parley.engine.rooms.ConferenceView;
import org.parley.engine.rooms.RosterEntry;

/** {@code GET /api/v1/conferences/{room}}: the room as it is now. */
record ConferenceJson(
        String room, String phase, long instance, Optional<Instant> startedAt, Optional<Instant> endedAt,
        List<ParticipantJson> participants) {

    record ParticipantJson(
            String id, String displayName, String role, String language, boolean audioMuted, boolean videoMuted,
            Instant joinedAt) {

        static ParticipantJson of(RosterEntry entry) {
            return new ParticipantJson(entry.id().value(), entry.displayName(), entry.role().name(), entry.language(),
                    entry.audioMuted(), entry.videoMuted(), entry.joinedAt());
        }
    }

    static ConferenceJson of(ConferenceView view) {
        return new ConferenceJson(view.room().value(), view.phase().name(), view.instance(), view.startedAt(),
                view.endedAt(), view.roster().stream().map(ParticipantJson::of).toList());
    }
}

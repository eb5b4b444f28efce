package org.parley.engine.rooms;

import java.time.Instant;
import org.parley.engine.conference.ParticipantId;
import org.parley.engine.conference.Role;

/** A roster line as people see it: the conference's membership joined with the person's live profile. */
public record RosterEntry(
        ParticipantId id,
        String displayName,
        Role role,
        Instant joinedAt,
        String language,
        boolean audioMuted,
        boolean videoMuted) {}

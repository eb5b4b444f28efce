package org.parley.engine.conference;

import java.time.Instant;

/** A roster entry as the conference knows it; the person's live profile is the Participant's. */
public record Member(ParticipantId id, String displayNameAtJoin, Role role, Instant joinedAt) {

    Member withRole(Role newRole) {
        return new Member(id, displayNameAtJoin, newRole, joinedAt);
    }
}

package org.parley.engine.conference;

import java.time.Instant;

/**
 * A roster entry as the conference knows it; the person's live profile is the Participant's. The
 * subject ties the entry to an identity: moderation and bans follow it across reconnects. It is
 * empty for people who joined before access control existed (no caller ever has an empty subject).
 */
public record Member(ParticipantId id, String displayNameAtJoin, Role role, Instant joinedAt, String subject, boolean signedIn) {

    Member withRole(Role newRole) {
        return new Member(id, displayNameAtJoin, newRole, joinedAt, subject, signedIn);
    }
}

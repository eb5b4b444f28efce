package org.parley.engine.conference;

/** Why the conference said no to an access or moderation request; stable, the edge maps it to codes. */
public enum Denial {
    /** A moderator action asked by someone who does not moderate this room. */
    FORBIDDEN,
    /** This person was banned from the conference. */
    BANNED,
    /** The room has a password and none (or an outdated proof) was given. */
    PASSWORD_REQUIRED,
    /** The password given is not the room's. */
    WRONG_PASSWORD,
    /** Too many wrong passwords from this address for this room: wait. */
    TOO_MANY_ATTEMPTS,
    /** No such pending knock (already answered, withdrawn, or never there). */
    UNKNOWN_KNOCK,
    /** The participant named is not in this conference. */
    NOT_IN_CONFERENCE,
    /** The request itself is malformed (too long a message, blank text). */
    INVALID,
    /** Too many of these too quickly (reactions): wait a moment. */
    RATE_LIMITED
}

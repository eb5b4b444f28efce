package org.parley.engine.conference;

public enum LeaveReason {
    /** The person pressed leave (or closed the page cleanly). */
    LEFT,
    /** The connection dropped and was not resumed within the grace period. */
    CONNECTION_LOST,
    /** A moderator removed the person. */
    KICKED
}

package org.parley.engine.conference;

/** Lifecycle of a room's current conference: started, running while people are in, then ended. */
public enum Phase {
    /** Nothing has ever happened in this room. */
    NOT_STARTED,
    /** Started, nobody in yet. */
    STARTED,
    RUNNING,
    /** The last person left or a moderator ended it; the next join starts a new instance. */
    ENDED
}

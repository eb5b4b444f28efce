package org.parley.engine.conference;

public enum EndReason {
    LAST_PARTICIPANT_LEFT,
    ENDED_BY_MODERATOR
}

package org.parley.engine.conference;

public enum KnockOutcome {
    ADMITTED,
    REJECTED,
    /** The knocker gave up (left, closed the page). */
    WITHDRAWN
}

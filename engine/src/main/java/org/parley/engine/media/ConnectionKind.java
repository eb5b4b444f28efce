package org.parley.engine.media;

/** Each participant has two peer connections with the server. */
public enum ConnectionKind {
    /** The browser sends its microphone, camera and screen. */
    PUBLISH,
    /** The browser receives everyone else's tracks. */
    SUBSCRIBE
}

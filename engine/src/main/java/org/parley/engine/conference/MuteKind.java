package org.parley.engine.conference;

/** What a mute is about: the microphone or the camera (each has its own policy). */
public enum MuteKind {
    AUDIO,
    VIDEO
}

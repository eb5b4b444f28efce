package org.parley.engine.media;

/** What a published track carries; a screen share is shown large, and survives low-bandwidth mode. */
public enum MediaSource {
    MICROPHONE,
    CAMERA,
    SCREEN
}

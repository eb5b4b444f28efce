package org.parley.media.sfu;

public enum StreamKind {
    AUDIO,
    VIDEO
}

package org.parley.engine.conference;

public enum Role {
    PARTICIPANT,
    MODERATOR
}

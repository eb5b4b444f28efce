package org.parley.engine.rooms;

/** What a person brings to the door: how to call them and how they arrive (mic and camera on or off). */
public record JoinRequest(
        String displayName, String language, boolean audioMuted, boolean videoMuted, boolean acceptedTerms) {}

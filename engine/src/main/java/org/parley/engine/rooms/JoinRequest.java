package org.parley.engine.rooms;

import java.util.Optional;
import org.parley.engine.conference.Caller;

/**
 * What a person brings to the door: who they are (as the edge authenticated them), how to call
 * them, how they arrive (mic and camera on or off), the room password if they were given one, and
 * the address they come from (wrong passwords are throttled per room and address).
 */
public record JoinRequest(
        Caller caller,
        String displayName,
        String language,
        boolean audioMuted,
        boolean videoMuted,
        boolean acceptedTerms,
        Optional<String> password,
        String clientAddress) {}

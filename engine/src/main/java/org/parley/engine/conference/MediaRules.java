package org.parley.engine.conference;

import java.util.ArrayList;
import java.util.List;

/**
 * The media policy in force and, under "ask to unmute", who asked and who was allowed. A moderator's
 * mute takes the permission back. Reset when the conference ends.
 */
public record MediaRules(MediaPolicy policy, List<UnmuteGate> asks, List<UnmuteGate> allowed) {

    public static final MediaRules OPEN = new MediaRules(MediaPolicy.OPEN, List.of(), List.of());

    public MediaRules {
        asks = List.copyOf(asks);
        allowed = List.copyOf(allowed);
    }

    MediaRules withPolicy(MediaPolicy next) {
        return new MediaRules(next, asks, allowed);
    }

    MediaRules asked(UnmuteGate gate) {
        if (asks.contains(gate)) {
            return this;
        }
        List<UnmuteGate> next = new ArrayList<>(asks);
        next.add(gate);
        return new MediaRules(policy, next, allowed);
    }

    MediaRules allowed(UnmuteGate gate) {
        List<UnmuteGate> next = new ArrayList<>(allowed);
        if (!next.contains(gate)) {
            next.add(gate);
        }
        return new MediaRules(policy, asks.stream().filter(ask -> !ask.equals(gate)).toList(), next);
    }

    MediaRules revoked(List<ParticipantId> participants, MuteKind kind) {
        return new MediaRules(policy, asks,
                allowed.stream().filter(gate -> gate.kind() != kind || !participants.contains(gate.participant())).toList());
    }
}

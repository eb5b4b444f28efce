package org.parley.engine.rooms;

import java.util.Optional;
import org.parley.engine.conference.KnockId;

/** How a join went: in, or waiting (for a host, or in the lobby) with the connection kept open. */
public sealed interface Entry {

    record Entered(JoinedSession session) implements Entry {}

    record Waiting(WaitReason reason, Optional<KnockId> knock) implements Entry {}

    enum WaitReason {
        HOST,
        LOBBY
    }
}

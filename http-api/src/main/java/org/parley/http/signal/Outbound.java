package org.parley.http.signal;

import org.parley.http.signal.v1.ServerMessage;

/** What a session hands to its socket's outgoing side. */
sealed interface Outbound {
    record Send(ServerMessage message) implements Outbound {}

    enum Close implements Outbound {
        INSTANCE
    }
}

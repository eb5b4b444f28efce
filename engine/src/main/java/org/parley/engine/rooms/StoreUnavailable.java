package org.parley.engine.rooms;

/** The event store (Cassandra) does not answer: nothing was changed, try again later. */
public final class StoreUnavailable extends RuntimeException {
    public StoreUnavailable(String message) {
        super(message, null, false, false);
    }
}

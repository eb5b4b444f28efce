package org.parley.http.signal;

/** One WebSocket message from the browser, already gathered (streamed frames joined) and sized. */
sealed interface InboundFrame {
    record Text(String json) implements InboundFrame {}

    /** Longer than the limit: read to the end and dropped, so the connection stays usable. */
    record TooLarge(long characters) implements InboundFrame {}

    record Binary() implements InboundFrame {}
}

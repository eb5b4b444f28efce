package org.parley.media.transport;

import java.time.Clock;
import java.time.Duration;

/**
 * Decides when ICE consent (RFC 7675) has expired: ice4j keeps sending consent checks on the
 * selected pair and stamps each answer, but never gives up by itself, so we compare the latest
 * stamp with the clock. Until the first answer the time the endpoint connected counts as one.
 */
final class ConsentMonitor {

    /** ice4j's value for "no consent answer yet". */
    static final long UNKNOWN = -1;

    private final Clock clock;
    private final long timeoutMillis;
    private volatile long connectedAtMillis = UNKNOWN;

    ConsentMonitor(Clock clock, Duration timeout) {
        this.clock = clock;
        this.timeoutMillis = timeout.toMillis();
    }

    /** Starts the watch; later calls do nothing. */
    void connected() {
        if (connectedAtMillis == UNKNOWN) {
            connectedAtMillis = clock.millis();
        }
    }

    /**
     * @param lastConsentMillis the wall-clock millis of the latest consent answer, or
     *     {@link #UNKNOWN}
     */
    boolean expired(long lastConsentMillis) {
        long since = connectedAtMillis;
        if (since == UNKNOWN) {
            return false;
        }
        return clock.millis() - Math.max(since, lastConsentMillis) > timeoutMillis;
    }
}

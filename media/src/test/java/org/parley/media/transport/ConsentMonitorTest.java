package org.parley.media.transport;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ConsentMonitorTest {

    /** A clock the test moves. */
    private static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final ManualClock clock = new ManualClock();
    private final ConsentMonitor consent = new ConsentMonitor(clock, Duration.ofSeconds(30));

    @Test
    void nothingExpiresBeforeTheEndpointConnected() {
        clock.advance(Duration.ofMinutes(5));

        assertFalse(consent.expired(ConsentMonitor.UNKNOWN));
    }

    @Test
    void consentExpiresThirtySecondsAfterConnectingWithoutAnyAnswer() {
        consent.connected();
        clock.advance(Duration.ofSeconds(30));
        assertFalse(consent.expired(ConsentMonitor.UNKNOWN));

        clock.advance(Duration.ofMillis(1));
        assertTrue(consent.expired(ConsentMonitor.UNKNOWN));
    }

    @Test
    void eachAnswerRestartsTheThirtySeconds() {
        consent.connected();
        clock.advance(Duration.ofSeconds(20));
        long answeredAt = clock.millis();
        clock.advance(Duration.ofSeconds(29));
        assertFalse(consent.expired(answeredAt));

        clock.advance(Duration.ofSeconds(2));
        assertTrue(consent.expired(answeredAt));
    }

    @Test
    void laterConnectCallsDoNotRestartTheWatch() {
        consent.connected();
        clock.advance(Duration.ofSeconds(25));
        consent.connected();
        clock.advance(Duration.ofSeconds(6));

        assertTrue(consent.expired(ConsentMonitor.UNKNOWN));
    }
}

package org.parley.engine.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PasswordThrottleTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-08T10:00:00Z"));
    private final PasswordThrottle throttle = new PasswordThrottle(clock);

    @Test
    void aFewWrongPasswordsAreFreeThenTheAddressMustWaitLongerEachTime() {
        for (int i = 1; i < PasswordThrottle.FREE_FAILURES; i++) {
            throttle.failed("seminar", "10.0.0.7");
            assertEquals(Optional.empty(), throttle.waitBeforeTrying("seminar", "10.0.0.7"));
        }
        throttle.failed("seminar", "10.0.0.7");
        assertEquals(Optional.of(Duration.ofSeconds(30)), throttle.waitBeforeTrying("seminar", "10.0.0.7"));

        clock.advance(Duration.ofSeconds(31));
        assertEquals(Optional.empty(), throttle.waitBeforeTrying("seminar", "10.0.0.7"));
        throttle.failed("seminar", "10.0.0.7");
        assertEquals(Optional.of(Duration.ofSeconds(60)), throttle.waitBeforeTrying("seminar", "10.0.0.7"));
    }

    @Test
    void otherRoomsAndOtherAddressesAreNotAffected() {
        for (int i = 0; i < PasswordThrottle.FREE_FAILURES; i++) {
            throttle.failed("seminar", "10.0.0.7");
        }
        assertEquals(Optional.empty(), throttle.waitBeforeTrying("seminar", "10.0.0.8"));
        assertEquals(Optional.empty(), throttle.waitBeforeTrying("lab", "10.0.0.7"));
    }

    @Test
    void theRightPasswordClearsTheCountAndThePenaltyIsCapped() {
        throttle.failed("seminar", "10.0.0.7");
        throttle.succeeded("seminar", "10.0.0.7");
        for (int i = 1; i < PasswordThrottle.FREE_FAILURES; i++) {
            throttle.failed("seminar", "10.0.0.7");
        }
        assertEquals(Optional.empty(), throttle.waitBeforeTrying("seminar", "10.0.0.7"));
        assertEquals(Duration.ofMinutes(15), PasswordThrottle.penaltyAfter(40));
    }

    @Test
    void oldFailuresAreForgotten() {
        for (int i = 0; i < PasswordThrottle.FREE_FAILURES; i++) {
            throttle.failed("seminar", "10.0.0.7");
        }
        clock.advance(Duration.ofHours(2));
        throttle.failed("seminar", "10.0.0.7");
        assertTrue(throttle.waitBeforeTrying("seminar", "10.0.0.7").isEmpty());
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneOffset getZone() {
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
}

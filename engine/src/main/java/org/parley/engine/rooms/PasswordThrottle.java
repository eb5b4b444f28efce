package org.parley.engine.rooms;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: after a few wrong passwords for one room from one address, further
 * tries are refused for a while that doubles with each new failure. Kept per node in memory: a
 * guesser spread over nodes gets a few more tries per node, which the slow hash still makes costly.
 */
public final class PasswordThrottle {

    public static final int FREE_FAILURES = 5;
    private static final Duration FIRST_PENALTY = Duration.ofSeconds(30);
    private static final Duration LONGEST_PENALTY = Duration.ofMinutes(15);
    private static final Duration FORGET_AFTER = Duration.ofHours(1);
    private static final int PRUNE_ABOVE = 10_000;

    private record Key(String room, String address) {}

    private record Failures(int count, Instant last, Instant blockedUntil) {}

    private final Clock clock;
    private final Map<Key, Failures> failures = new ConcurrentHashMap<>();

    public PasswordThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long this address must still wait before trying this room's password again, if at all. */
    public Optional<Duration> waitBeforeTrying(String room, String address) {
        Failures known = failures.get(new Key(room, address));
        Instant now = clock.instant();
        if (known == null || !known.blockedUntil().isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, known.blockedUntil()));
    }

    public void failed(String room, String address) {
        Instant now = clock.instant();
        failures.compute(new Key(room, address), (key, known) -> {
            int count = known == null || known.last().plus(FORGET_AFTER).isBefore(now) ? 1 : known.count() + 1;
            return new Failures(count, now, now.plus(penaltyAfter(count)));
        });
        if (failures.size() > PRUNE_ABOVE) {
            failures.values().removeIf(f -> f.last().plus(FORGET_AFTER).isBefore(now));
        }
    }

    public void succeeded(String room, String address) {
        failures.remove(new Key(room, address));
    }

    static Duration penaltyAfter(int failures) {
        if (failures < FREE_FAILURES) {
            return Duration.ZERO;
        }
        Duration penalty = FIRST_PENALTY.multipliedBy(1L << Math.min(failures - FREE_FAILURES, 10));
        return penalty.compareTo(LONGEST_PENALTY) > 0 ? LONGEST_PENALTY : penalty;
    }
}

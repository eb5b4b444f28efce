package org.parley.engine.rooms;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pekko.actor.typed.ActorSystem;
import org.parley.persistence.cassandra.CassandraHealth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a recent answer to "does the event store answer?", so readiness is cheap and a join can be
 * refused at once with a clear message instead of waiting for an ask to time out.
 */
public final class StoreMonitor {

    private static final Logger log = LoggerFactory.getLogger(StoreMonitor.class);

    private enum Health { UNKNOWN, UP, DOWN }

    private final AtomicReference<Health> health = new AtomicReference<>(Health.UNKNOWN);

    private StoreMonitor() {}

    public static StoreMonitor start(ActorSystem<?> system, Duration interval, Duration timeout) {
        StoreMonitor monitor = new StoreMonitor();
        system.scheduler().scheduleWithFixedDelay(Duration.ZERO, interval,
                () -> CassandraHealth.check(system, timeout).thenAccept(monitor::record), system.executionContext());
        return monitor;
    }

    /** For tests of the edge that need a store in a given condition. */
    public static StoreMonitor fixed(boolean up) {
        StoreMonitor monitor = new StoreMonitor();
        monitor.health.set(up ? Health.UP : Health.DOWN);
        return monitor;
    }

    /** Ready: the last check got an answer. */
    public boolean isUp() {
        return health.get() == Health.UP;
    }

    /** Down for sure; unknown (just started) still lets requests through, they time out if it is down. */
    public boolean isKnownDown() {
        return health.get() == Health.DOWN;
    }

    private void record(boolean answered) {
        Health now = answered ? Health.UP : Health.DOWN;
        Health before = health.getAndSet(now);
        if (before != now) {
            if (answered) {
                log.info("event store answers again");
            } else {
                log.warn("event store (Cassandra) does not answer; joins are refused until it does");
            }
        }
    }
}

package org.parley.engine.rooms;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pekko.Done;
import org.apache.pekko.actor.Cancellable;
import org.apache.pekko.actor.CoordinatedShutdown;
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

    /** The first answer includes opening the driver session and preparing the journal: it is slow. */
    private static final Duration FIRST_CHECK_TIMEOUT = Duration.ofSeconds(10);

    public static StoreMonitor start(ActorSystem<?> system, Duration interval, Duration timeout) {
        StoreMonitor monitor = new StoreMonitor();
        Cancellable checks = system.scheduler().scheduleWithFixedDelay(Duration.ZERO, interval,
                () -> monitor.check(system, timeout), system.executionContext());
        // Stop asking before the store goes away at shutdown, or the last checks cry wolf.
        CoordinatedShutdown.get(system).addTask(CoordinatedShutdown.PhaseServiceStop(), "stop-store-checks", () -> {
            checks.cancel();
            return CompletableFuture.completedFuture(Done.getInstance());
        });
        return monitor;
    }

    private final AtomicBoolean checking = new AtomicBoolean();

    private void check(ActorSystem<?> system, Duration timeout) {
        if (!checking.compareAndSet(false, true)) {
            return; // the previous check is still waiting for its answer
        }
        Duration limit = health.get() == Health.UNKNOWN ? FIRST_CHECK_TIMEOUT : timeout;
        CassandraHealth.check(system, limit).whenComplete((answered, failure) -> {
            checking.set(false);
            record(failure == null && answered);
        });
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

package org.parley.persistence.cassandra;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Waits until the child accepts CQL connections: Cassandra opens the native port last, once it is
 * ready for queries. Fails fast if the child exits first.
 */
final class NativePortWait {

  private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

  private NativePortWait() {}

  /**
   * @param diagnostics appended to any failure, e.g. the tail of the child's log
   * @throws EmbeddedCassandraException if the child exits or the timeout passes first
   */
  static void await(Process child, int port, Duration timeout, Supplier<String> diagnostics) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!LocalPorts.accepts(port, POLL_INTERVAL)) {
      if (System.nanoTime() - deadline > 0) {
        throw new EmbeddedCassandraException(
            "Embedded Cassandra (pid " + child.pid() + ") did not open CQL port " + port
                + " within " + timeout.toSeconds() + " s (parley.cassandra.embedded.startup-timeout)."
                + diagnostics.get());
      }
      awaitExit(child, POLL_INTERVAL).ifPresent(code -> {
        throw new EmbeddedCassandraException(
            "Embedded Cassandra exited with code " + code + " before opening CQL port " + port
                + "." + diagnostics.get());
      });
    }
  }

  // Doubles as the pause between probes: returns as soon as the child exits.
  private static Optional<Integer> awaitExit(Process child, Duration max) {
    try {
      return Optional.of(
          child.onExit().get(max.toMillis(), TimeUnit.MILLISECONDS).exitValue());
    } catch (TimeoutException e) {
      return Optional.empty();
    } catch (ExecutionException e) {
      throw new EmbeddedCassandraException("Could not watch the Cassandra child process", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EmbeddedCassandraException("Interrupted while waiting for Cassandra to start", e);
    }
  }
}

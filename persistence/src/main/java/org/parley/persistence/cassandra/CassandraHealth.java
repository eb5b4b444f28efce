package org.parley.persistence.cassandra;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.Identify;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.pattern.Patterns;
import org.apache.pekko.persistence.Persistence;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSessionRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Whether the journal's Cassandra answers queries: for readiness probes and start-up checks. */
public final class CassandraHealth {

  static final String QUERY = "SELECT release_version FROM system.local";

  private static final Logger log = LoggerFactory.getLogger(CassandraHealth.class);

  private CassandraHealth() {}

  /**
   * Runs {@value #QUERY} through the journal's own driver session.
   *
   * @return completes with {@code true} if Cassandra answered, {@code false} if it failed or did
   *     not answer within {@code timeout}; never completes exceptionally
   */
  public static CompletionStage<Boolean> check(ActorSystem<?> system, Duration timeout) {
    CompletableFuture<Boolean> healthy = new CompletableFuture<>();
    try {
      var classic = Adapter.toClassic(system);
      String journalPlugin = system.settings().config().getString("pekko.persistence.journal.plugin");
      // The journal shares its session with the snapshot store under the plugin's parent path.
      String sessionPath = journalPlugin.replaceAll("\\.journal$", "");
      // The session registry keeps whoever registers a path first, and only the journal's
      // registration carries the schema-autocreate step. So start the journal and let it finish
      // its constructor (any reply to Identify comes after that) before asking for the session;
      // otherwise a health check at boot would silently disable autocreate.
      ActorRef journal = Persistence.get(classic).journalFor(journalPlugin, ConfigFactory.empty());
      Patterns.ask(journal, new Identify("cassandra-health"), timeout)
          .thenCompose(identity -> CassandraSessionRegistry.get(classic)
              .sessionFor(sessionPath)
              .selectOne(QUERY))
          .whenComplete((row, error) -> {
            if (error != null) {
              log.debug("Cassandra health check failed", error);
            }
            healthy.complete(error == null && row.isPresent());
          });
    } catch (RuntimeException e) {
      log.debug("Cassandra health check failed", e);
      healthy.complete(false);
    }
    return healthy.completeOnTimeout(false, timeout.toMillis(), TimeUnit.MILLISECONDS)
        .minimalCompletionStage();
  }
}

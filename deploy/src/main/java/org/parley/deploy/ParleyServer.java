package org.parley.deploy;

import com.typesafe.config.Config;
import java.time.Clock;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.parley.engine.rooms.Engine;
import org.parley.engine.rooms.EngineSettings;
import org.parley.http.HttpApi;
import org.parley.http.HttpSettings;
import org.parley.http.auth.Auth;
import org.parley.http.auth.AuthSettings;
import org.parley.persistence.cassandra.CassandraBootstrap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Parley node: its store (embedded Cassandra or a cluster), its actor system with the
 * engine, and its HTTP endpoint. Stopping it stops them in reverse order.
 */
public final class ParleyServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ParleyServer.class);

    private final CassandraBootstrap.Started store;
    private final ActorSystem<Void> system;
    private final ServerBinding binding;

    private ParleyServer(CassandraBootstrap.Started store, ActorSystem<Void> system, ServerBinding binding) {
        this.store = store;
        this.system = system;
        this.binding = binding;
    }

    /** Starts everything and returns once the HTTP port is bound. */
    public static ParleyServer start(Config appConfig) {
        CassandraBootstrap.Started store = CassandraBootstrap.start(appConfig);
        try {
            Config config = store.storeConfig().withFallback(appConfig).resolve();
            ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "parley", config);
            // The store outlives the actor system, so journal writes in flight at shutdown land and the
            // driver closes its session before Cassandra goes: on SIGTERM both JVM shutdown hooks run
            // at once, and Cassandra's waits for the actor system to terminate.
            store.embedded().ifPresent(cassandra -> cassandra.keepRunningUntil(system.getWhenTerminated()));
            EngineSettings engineSettings = EngineSettings.fromConfig(config);
            HttpSettings httpSettings = HttpSettings.fromConfig(config);
            Auth auth = startAuth(system, AuthSettings.fromConfig(config));
            Engine.Running engine = Engine.start(system, engineSettings, Clock.systemUTC());
            CompletionStage<ServerBinding> bound = HttpApi.bind(system,
                    HttpApi.route(system, engine, httpSettings, engineSettings.heartbeatInterval(), auth), httpSettings);
            ServerBinding binding;
            try {
                binding = bound.toCompletableFuture().join();
            } catch (RuntimeException e) {
                system.terminate();
                throw new IllegalStateException("could not listen on " + httpSettings.networkInterface() + ":"
                        + httpSettings.port() + " (is another server running?)", e.getCause() == null ? e : e.getCause());
            }
            binding.addToCoordinatedShutdown(java.time.Duration.ofSeconds(10), system);
            log.info("Parley is ready: http://localhost:{}/", binding.localAddress().getPort());
            return new ParleyServer(store, system, binding);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** The configured identity provider, or the development one (stopped with the actor system). */
    private static Auth startAuth(ActorSystem<Void> system, AuthSettings settings) {
        try {
            var development = DevelopmentIdentityProvider.startIfNeeded(settings);
            development.ifPresent(provider -> system.getWhenTerminated().thenRun(provider::close));
            return Auth.create(system, development.map(provider -> settings.withIssuer(provider.issuer())).orElse(settings),
                    development.isPresent());
        } catch (RuntimeException e) {
            system.terminate();
            throw e;
        }
    }

    public int httpPort() {
        return binding.localAddress().getPort();
    }

    public ActorSystem<Void> system() {
        return system;
    }

    public CompletionStage<Done> whenTerminated() {
        return system.getWhenTerminated();
    }

    @Override
    public void close() {
        system.terminate();
        system.getWhenTerminated().toCompletableFuture().join();
        store.close();
    }
}

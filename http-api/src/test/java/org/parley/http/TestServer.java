package org.parley.http;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.parley.engine.NodeConfig;
import org.parley.engine.rooms.Engine;
import org.parley.engine.rooms.EngineSettings;

/**
 * The HTTP API on a free port over a one-node engine. {@link #onTestCassandra()} is shared by the
 * JVM's tests (they use fresh room names); {@link #start(Config)} gives a private one.
 */
public final class TestServer implements AutoCloseable {

    /** Short grace and heartbeat, so disconnection tests take seconds. */
    private static final Config QUICK_PRESENCE = ConfigFactory.parseString("""
            parley.engine.participant-grace = 3s
            parley.engine.heartbeat-interval = 500ms
            parley.engine.store-check-interval = 500ms
            parley.http.port = 0
            parley.http.interface = "127.0.0.1"
            """);

    private static TestServer shared;

    private final ActorTestKit kit;
    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();

    private TestServer(ActorTestKit kit, int port) {
        this.kit = kit;
        this.port = port;
    }

    /** Short grace period and heartbeats, a free HTTP port on loopback. */
    public static Config quickPresence() {
        return QUICK_PRESENCE;
    }

    public static synchronized TestServer onTestCassandra() {
        if (shared == null) {
            shared = start(QUICK_PRESENCE.withFallback(NodeConfig.onTestCassandra()));
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    public static TestServer start(Config config) {
        ActorTestKit kit = ActorTestKit.create("parley-http-it", config);
        EngineSettings engineSettings = EngineSettings.fromConfig(config);
        HttpSettings httpSettings = HttpSettings.fromConfig(config);
        Engine.Running engine = Engine.start(kit.system(), engineSettings, Clock.systemUTC());
        ServerBinding binding = HttpApi.bind(kit.system(),
                        HttpApi.route(kit.system(), engine, httpSettings, engineSettings.heartbeatInterval()), httpSettings)
                .toCompletableFuture().join();
        return new TestServer(kit, binding.localAddress().getPort());
    }

    public int port() {
        return port;
    }

    public SignalClient connect() {
        return SignalClient.connect(port);
    }

    public HttpResponse<String> get(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                            .timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError("GET " + path + " failed", e);
        }
    }

    /** A node whose store is unreachable may take long to close its driver session: don't fail on it. */
    @Override
    public void close() {
        ActorTestKit.shutdown(kit.system(), Duration.ofSeconds(30), false);
    }
}

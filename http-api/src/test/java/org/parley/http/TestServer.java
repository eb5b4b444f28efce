package org.parley.http;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.parley.engine.NodeConfig;
import org.parley.engine.rooms.Engine;
import org.parley.engine.rooms.EngineSettings;
import org.parley.http.auth.Auth;
import org.parley.http.auth.AuthSettings;

/**
 * The HTTP API on a free port over a one-node engine, signing people in at a real (mock) OpenID
 * provider of its own. {@link #onTestCassandra()} is shared by the JVM's tests (they use fresh room
 * names); {@link #start(Config)} gives a private one.
 */
public final class TestServer implements AutoCloseable {

    /** Short grace and heartbeat, so disconnection tests take seconds. */
    private static final Config QUICK_PRESENCE = ConfigFactory.parseString("""
            parley.engine.participant-grace = 3s
            parley.engine.heartbeat-interval = 500ms
            parley.engine.store-check-interval = 500ms
            parley.http.port = 0
            parley.http.interface = "127.0.0.1"
            parley.auth.oidc.public-url = ""
            parley.auth.service-tokens.secret = "%s"
            """.formatted(TestServer.SERVICE_TOKEN_SECRET));

    /** Signs the service tokens tests make (see {@link #serviceToken}). */
    public static final String SERVICE_TOKEN_SECRET = "test-service-token-secret-of-at-least-32-bytes";
    /** The mock provider's issuer id (the last path segment of its issuer URL). */
    public static final String ISSUER_ID = "parley";

    private static TestServer shared;

    private final ActorTestKit kit;
    private final int port;
    private final MockOAuth2Server identityProvider;
    private final HttpClient http = HttpClient.newHttpClient();

    private TestServer(ActorTestKit kit, int port, MockOAuth2Server identityProvider) {
        this.kit = kit;
        this.port = port;
        this.identityProvider = identityProvider;
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
        MockOAuth2Server identityProvider = new MockOAuth2Server();
        identityProvider.start();
        Config withProvider = ConfigFactory.parseMap(Map.of("parley.auth.oidc.issuer",
                identityProvider.issuerUrl(ISSUER_ID).toString())).withFallback(config);
        ActorTestKit kit = ActorTestKit.create("parley-http-it", withProvider);
        EngineSettings engineSettings = EngineSettings.fromConfig(withProvider);
        HttpSettings httpSettings = HttpSettings.fromConfig(withProvider);
        Auth auth = Auth.create(kit.system(), AuthSettings.fromConfig(withProvider), false);
        Engine.Running engine = Engine.start(kit.system(), engineSettings, Clock.systemUTC());
        ServerBinding binding = HttpApi.bind(kit.system(),
                        HttpApi.route(kit.system(), engine, httpSettings, engineSettings.heartbeatInterval(), auth),
                        httpSettings)
                .toCompletableFuture().join();
        return new TestServer(kit, binding.localAddress().getPort(), identityProvider);
    }

    public int port() {
        return port;
    }

    /** The OpenID provider this server trusts (issuer id {@value #ISSUER_ID}, client id "parley"). */
    public MockOAuth2Server identityProvider() {
        return identityProvider;
    }

    public String issuer() {
        return identityProvider.issuerUrl(ISSUER_ID).toString();
    }

    /** An access token the provider issued to Parley for {@code userId}, with these extra claims. */
    public String accessToken(String userId, Map<String, Object> claims) {
        return identityProvider.issueToken(ISSUER_ID, userId, "parley", claims, 3600).serialize();
    }

    /** A service token for {@code service}, valid for {@code rooms} ("*": all) for an hour. */
    public static String serviceToken(String service, List<String> rooms) {
        try {
            var claims = new com.nimbusds.jwt.JWTClaimsSet.Builder()
                    .issuer("parley-service")
                    .subject(service)
                    .claim("rooms", rooms)
                    .expirationTime(new java.util.Date(System.currentTimeMillis() + 3_600_000))
                    .build();
            var jwt = new com.nimbusds.jwt.SignedJWT(new com.nimbusds.jose.JWSHeader(com.nimbusds.jose.JWSAlgorithm.HS256), claims);
            jwt.sign(new com.nimbusds.jose.crypto.MACSigner(SERVICE_TOKEN_SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
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
        identityProvider.shutdown();
    }
}

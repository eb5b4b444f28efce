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
            parley.auth.oidc.member-claim = "groups"
            parley.auth.oidc.member-value = "staff"
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

    /** A guest nobody has seen before (no cookie). */
    public SignalClient connect() {
        return SignalClient.connect(port);
    }

    public SignalClient connectAsGuest() {
        return connect();
    }

    /** A community member signed in with the identity provider (a bearer token on the upgrade). */
    public SignalClient connectAsMember(String userId) {
        return SignalClient.connect(port, Map.of("Authorization", "Bearer " + memberToken(userId)));
    }

    /** A browser that keeps its guest cookie (see {@link #guestCookie()}) across connections. */
    public SignalClient connectWithCookie(String cookie) {
        return SignalClient.connect(port, Map.of("Cookie", cookie));
    }

    /** A fresh guest cookie ("name=value"), as the server hands one to a new browser. */
    public String guestCookie() {
        HttpResponse<String> me = get("/api/v1/me");
        return me.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("parley_guest="))
                .map(cookie -> cookie.substring(0, cookie.indexOf(';') < 0 ? cookie.length() : cookie.indexOf(';')))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no guest cookie from /api/v1/me: " + me.headers()));
    }

    /** An access token of a community member (the "groups" claim holds "staff"). */
    public String memberToken(String userId) {
        return accessToken(userId, Map.of("groups", List.of("staff"), "name", userId));
    }

    /** An access token of someone who signed in but is not a community member. */
    public String nonMemberToken(String userId) {
        return accessToken(userId, Map.of("name", userId));
    }

    /** Any method, an optional bearer token and body. */
    public HttpResponse<String> request(String method, String path, String bearer, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null || body.isEmpty()
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    public static com.fasterxml.jackson.databind.JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
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

package org.parley.http.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.Test;
import org.parley.http.TestServer;

/**
 * Signing in through a real OpenID provider (mock-oauth2-server, non-interactive: it answers the
 * authorization request at once) to the real server, the way a browser does: following redirects
 * by hand and carrying cookies, so each step's answer can be checked.
 */
class SignInIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestServer server = TestServer.onTestCassandra();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String user = "user-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aGuestIsToldSoAndKeepsTheSameGuestIdThroughItsCookie() throws Exception {
        HttpResponse<String> first = get("/api/v1/me", Map.of());
        JsonNode me = JSON.readTree(first.body());

        assertEquals(200, first.statusCode());
        assertFalse(me.get("signedIn").asBoolean());
        assertFalse(me.get("member").asBoolean());
        assertEquals("", me.get("displayName").asText());
        assertTrue(me.get("subject").asText().startsWith("guest:"), me.toString());
        assertFalse(me.get("identityProvider").get("development").asBoolean());
        assertEquals(server.issuer(), me.get("identityProvider").get("issuer").asText());
        assertEquals("/auth/login", me.get("identityProvider").get("loginUrl").asText());

        HttpCookie guest = cookie(first, "parley_guest").orElseThrow();
        assertTrue(guest.isHttpOnly());
        assertEquals("/", guest.getPath());
        JsonNode again = JSON.readTree(get("/api/v1/me", Map.of("parley_guest", guest.getValue())).body());
        assertEquals(me.get("subject"), again.get("subject"));
    }

    @Test
    void theWebClientsPageGivesANewBrowserItsGuestCookie() {
        HttpResponse<String> page = get("/SomeRoom", Map.of());

        assertEquals(200, page.statusCode());
        assertTrue(cookie(page, "parley_guest").isPresent());
    }

    @Test
    void aPersonSignsInAtTheProviderAndComesBackSignedInWhereTheyStarted() throws Exception {
        String session = signIn("/SomeRoom?x=1", Map.of("name", "Alice Liddell", "groups", List.of("staff")));

        JsonNode me = JSON.readTree(get("/api/v1/me", Map.of("parley_session", session)).body());
        assertTrue(me.get("signedIn").asBoolean(), me.toString());
        assertEquals("oidc:" + user, me.get("subject").asText());
        assertEquals("Alice Liddell", me.get("displayName").asText());
        assertTrue(me.get("member").asBoolean(), "the test server's members have \"staff\" in their groups claim");
    }

    @Test
    void someoneSignedInWithoutTheMemberClaimIsSignedInButNoMember() throws Exception {
        String session = signIn("/", Map.of("name", "Visiting Scholar"));

        JsonNode me = JSON.readTree(get("/api/v1/me", Map.of("parley_session", session)).body());
        assertTrue(me.get("signedIn").asBoolean(), me.toString());
        assertFalse(me.get("member").asBoolean(), me.toString());
    }

    @Test
    void signingOutEndsTheSession() throws Exception {
        String session = signIn("/", Map.of());

        HttpResponse<String> out = send(HttpRequest.newBuilder(url("/auth/logout"))
                .header("Cookie", "parley_session=" + session).POST(HttpRequest.BodyPublishers.noBody()));

        assertEquals(302, out.statusCode());
        assertEquals("/", out.headers().firstValue("location").orElseThrow());
        HttpCookie cleared = cookie(out, "parley_session").orElseThrow();
        assertEquals(0, cleared.getMaxAge());
        assertEquals("", cleared.getValue());
    }

    @Test
    void loginReturnsOnlyToParleysOwnPages() {
        for (String target : List.of("//evil.example/", "https://evil.example/", "/\\evil.example", "evil",
                "/\r\nLocation: https://evil.example", "javascript:alert(1)")) {
            HttpResponse<String> refused = get("/auth/login?return=" + URLEncoder.encode(target, StandardCharsets.UTF_8),
                    Map.of());

            assertEquals(400, refused.statusCode(), target);
            assertTrue(cookie(refused, "parley_login").isEmpty(), target);
        }
    }

    @Test
    void aCallbackForAnotherSignInIsRefusedAndSetsNothing() {
        HttpResponse<String> login = get("/auth/login?return=/", Map.of());
        String loginCookie = cookie(login, "parley_login").orElseThrow().getValue();
        String callback = providerAnswer(login);
        String withOtherState = callback.replaceFirst("state=[^&]+", "state=someone-elses");

        HttpResponse<String> refused = get(URI.create(withOtherState).getRawPath() + "?"
                + URI.create(withOtherState).getRawQuery(), Map.of("parley_login", loginCookie));

        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("does not match"), refused.body());
        assertTrue(refused.headers().allValues("set-cookie").isEmpty(), refused.headers().toString());
    }

    @Test
    void aCallbackWithoutTheBrowsersPendingSignInIsRefused() {
        HttpResponse<String> login = get("/auth/login?return=/", Map.of());
        URI callback = URI.create(providerAnswer(login));

        HttpResponse<String> refused = get(callback.getRawPath() + "?" + callback.getRawQuery(), Map.of());

        assertEquals(400, refused.statusCode());
        assertTrue(cookie(refused, "parley_session").isEmpty());
    }

    @Test
    void anErrorFromTheProviderIsShownAndSetsNothing() {
        HttpResponse<String> login = get("/auth/login?return=/", Map.of());
        String loginCookie = cookie(login, "parley_login").orElseThrow().getValue();

        HttpResponse<String> refused = get("/auth/callback?error=access_denied&error_description=%3Cb%3Eno%3C%2Fb%3E",
                Map.of("parley_login", loginCookie));

        assertEquals(401, refused.statusCode());
        assertTrue(refused.body().contains("access_denied"));
        assertFalse(refused.body().contains("<b>"), "the provider's text is escaped");
        assertTrue(refused.headers().allValues("set-cookie").isEmpty());
    }

    @Test
    void aTamperedSessionCookieMakesAGuest() throws Exception {
        String session = signIn("/", Map.of("name", "Mallory"));
        String payload = new String(Base64.getUrlDecoder().decode(session.substring(0, session.indexOf('.'))),
                StandardCharsets.UTF_8);
        String forgedPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                payload.replace("oidc:" + user, "oidc:admin").getBytes(StandardCharsets.UTF_8));
        String forged = forgedPayload + session.substring(session.indexOf('.'));

        for (String cookie : List.of(forged, session.substring(0, session.length() - 2), "garbage")) {
            JsonNode me = JSON.readTree(get("/api/v1/me", Map.of("parley_session", cookie)).body());
            assertFalse(me.get("signedIn").asBoolean(), cookie);
            assertTrue(me.get("subject").asText().startsWith("guest:"));
        }
    }

    @Test
    void anAccessTokenSignsInWithoutCookies() throws Exception {
        String token = server.accessToken(user, Map.of("preferred_username", "bot-" + user));

        HttpResponse<String> me = send(HttpRequest.newBuilder(url("/api/v1/me")).header("Authorization", "Bearer " + token));

        JsonNode body = JSON.readTree(me.body());
        assertTrue(body.get("signedIn").asBoolean(), body.toString());
        assertEquals("bot-" + user, body.get("displayName").asText());
        assertTrue(cookie(me, "parley_guest").isEmpty(), "a token caller is not a browser");
    }

    @Test
    void aBadAccessTokenIsAJson401WithABearerChallenge() throws Exception {
        String token = server.accessToken(user, Map.of());
        String broken = token.substring(0, token.length() - 4) + "AAAA";

        HttpResponse<String> refused = send(HttpRequest.newBuilder(url("/api/v1/me"))
                .header("Authorization", "Bearer " + broken));

        assertEquals(401, refused.statusCode());
        assertTrue(refused.headers().firstValue("www-authenticate").orElseThrow().startsWith("Bearer"));
        assertEquals("UNAUTHORIZED", JSON.readTree(refused.body()).get("error").get("code").asText());
    }

    /** The whole code flow; returns the session cookie's value. */
    private String signIn(String returnPath, Map<String, Object> claims) {
        HttpResponse<String> login = get("/auth/login?return=" + URLEncoder.encode(returnPath, StandardCharsets.UTF_8),
                Map.of());
        assertEquals(302, login.statusCode(), login.body());
        HttpCookie pending = cookie(login, "parley_login").orElseThrow();
        assertEquals("/auth", pending.getPath());
        assertTrue(pending.isHttpOnly());
        String authorize = login.headers().firstValue("location").orElseThrow();
        assertTrue(authorize.startsWith(server.issuer() + "/authorize"), authorize);
        assertTrue(authorize.contains("code_challenge_method=S256") && authorize.contains("nonce="), authorize);

        server.identityProvider().enqueueCallback(new DefaultOAuth2TokenCallback(TestServer.ISSUER_ID, user, "JWT",
                List.of("parley"), claims, 3600));
        URI callback = URI.create(providerAnswer(login));
        HttpResponse<String> back = get(callback.getRawPath() + "?" + callback.getRawQuery(),
                Map.of("parley_login", pending.getValue()));

        assertEquals(302, back.statusCode(), back.body());
        assertEquals(returnPath, back.headers().firstValue("location").orElseThrow());
        HttpCookie session = cookie(back, "parley_session").orElseThrow();
        assertTrue(session.isHttpOnly());
        assertEquals("/", session.getPath());
        assertEquals(0, cookie(back, "parley_login").orElseThrow().getMaxAge(), "the pending sign-in is over");
        return session.getValue();
    }

    /** Follows Parley's redirect to the provider, which answers with a redirect to Parley's callback. */
    private String providerAnswer(HttpResponse<String> login) {
        HttpResponse<String> provider = send(HttpRequest.newBuilder(
                URI.create(login.headers().firstValue("location").orElseThrow())));
        assertEquals(302, provider.statusCode(), provider.body());
        String callback = provider.headers().firstValue("location").orElseThrow();
        assertTrue(callback.startsWith("http://127.0.0.1:" + server.port() + "/auth/callback?"), callback);
        return callback;
    }

    private HttpResponse<String> get(String path, Map<String, String> cookies) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path));
        if (!cookies.isEmpty()) {
            request.header("Cookie", String.join("; ", cookies.entrySet().stream()
                    .map(c -> c.getKey() + "=" + c.getValue()).toList()));
        }
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private static Optional<HttpCookie> cookie(HttpResponse<?> response, String name) {
        return response.headers().allValues("set-cookie").stream()
                .flatMap(header -> HttpCookie.parse(header).stream())
                .filter(cookie -> cookie.getName().equals(name))
                .findFirst();
    }
}

package org.parley.http.auth;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.apache.pekko.http.javadsl.model.DateTime;
import org.apache.pekko.http.javadsl.model.headers.HttpCookie;
import org.apache.pekko.http.javadsl.model.headers.SameSite;

/**
 * The three cookies, all signed and HttpOnly, all SameSite=Lax (they must come along when the
 * provider redirects back, a top-level GET):
 * <ul>
 * <li>{@code parley_session} (Path=/): who signed in, until when;
 * <li>{@code parley_guest} (Path=/): a guest's random id, so a guest stays the same guest (and a
 *     ban sticks to the browser);
 * <li>{@code parley_login} (Path=/auth, minutes): the sign-in in progress (state, PKCE verifier,
 *     nonce, where to return). Being in the browser rather than in a node's memory, the callback can
 *     land on any node of a cluster.
 * </ul>
 */
final class SessionCookies {

    static final String SESSION = "parley_session";
    static final String GUEST = "parley_guest";
    static final String LOGIN = "parley_login";

    private static final Duration GUEST_LIFETIME = Duration.ofDays(365);
    private static final Duration LOGIN_LIFETIME = Duration.ofMinutes(10);

    /** A sign-in between the redirect to the provider and its callback. */
    record PendingLogin(String state, String codeVerifier, String nonce, String returnPath, String redirectUri) {}

    private final CookieSigner signer;
    private final AuthSettings.Session settings;
    private final Clock clock;

    SessionCookies(CookieSigner signer, AuthSettings.Session settings, Clock clock) {
        this.signer = signer;
        this.settings = settings;
        this.clock = clock;
    }

    HttpCookie session(Identity identity) {
        var payload = CookieSigner.payload()
                .put("sub", identity.subject())
                .put("name", identity.displayName())
                .put("member", identity.member());
        return cookie(SESSION, signer.sign(SESSION, payload, clock.instant().plus(settings.maxAge())), "/",
                settings.maxAge());
    }

    Optional<Identity> readSession(String value) {
        return signer.verify(SESSION, value).flatMap(body -> {
            String subject = body.path("sub").asText("");
            if (!subject.startsWith(Identity.OIDC_PREFIX) || subject.length() == Identity.OIDC_PREFIX.length()) {
                return Optional.empty();
            }
            return Optional.of(new Identity(subject, body.path("name").asText(""), true,
                    body.path("member").asBoolean(false)));
        });
    }

    HttpCookie guest(String id) {
        return cookie(GUEST, signer.sign(GUEST, CookieSigner.payload().put("id", id), clock.instant().plus(GUEST_LIFETIME)),
                "/", GUEST_LIFETIME);
    }

    Optional<Identity> readGuest(String value) {
        return signer.verify(GUEST, value)
                .map(body -> body.path("id").asText(""))
                .filter(SessionCookies::isUuid)
                .map(Identity::guest);
    }

    HttpCookie login(PendingLogin login) {
        var payload = CookieSigner.payload()
                .put("state", login.state())
                .put("verifier", login.codeVerifier())
                .put("nonce", login.nonce())
                .put("return", login.returnPath())
                .put("redirect", login.redirectUri());
        return cookie(LOGIN, signer.sign(LOGIN, payload, clock.instant().plus(LOGIN_LIFETIME)), "/auth", LOGIN_LIFETIME);
    }

    Optional<PendingLogin> readLogin(String value) {
        return signer.verify(LOGIN, value).map(body -> new PendingLogin(text(body, "state"), text(body, "verifier"),
                text(body, "nonce"), text(body, "return"), text(body, "redirect")));
    }

    HttpCookie endSession() {
        return expired(SESSION, "/");
    }

    HttpCookie endLogin() {
        return expired(LOGIN, "/auth");
    }

    private HttpCookie cookie(String name, String value, String path, Duration maxAge) {
        return HttpCookie.create(name, value)
                .withPath(path)
                .withHttpOnly(true)
                .withSecure(settings.secureCookie())
                .withSameSite(SameSite.Lax)
                .withMaxAge(maxAge.toSeconds());
    }

    private HttpCookie expired(String name, String path) {
        return HttpCookie.create(name, "")
                .withPath(path)
                .withHttpOnly(true)
                .withSecure(settings.secureCookie())
                .withSameSite(SameSite.Lax)
                .withMaxAge(0)
                .withExpires(DateTime.create(1970, 1, 1, 0, 0, 0));
    }

    private static String text(JsonNode body, String field) {
        return body.path(field).asText("");
    }

    private static boolean isUuid(String id) {
        try {
            return UUID.fromString(id).toString().equals(id);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}

package org.parley.http.auth;

import static org.apache.pekko.http.javadsl.server.Directives.complete;
import static org.apache.pekko.http.javadsl.server.Directives.concat;
import static org.apache.pekko.http.javadsl.server.Directives.extractUri;
import static org.apache.pekko.http.javadsl.server.Directives.get;
import static org.apache.pekko.http.javadsl.server.Directives.onComplete;
import static org.apache.pekko.http.javadsl.server.Directives.optionalCookie;
import static org.apache.pekko.http.javadsl.server.Directives.parameterOptional;
import static org.apache.pekko.http.javadsl.server.Directives.path;
import static org.apache.pekko.http.javadsl.server.Directives.pathPrefix;
import static org.apache.pekko.http.javadsl.server.Directives.post;
import static org.apache.pekko.http.javadsl.server.Directives.redirect;
import static org.apache.pekko.http.javadsl.server.Directives.respondWithHeader;
import static org.apache.pekko.http.javadsl.server.Directives.setCookie;
import static org.apache.pekko.http.javadsl.server.PathMatchers.segment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.Nonce;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCode;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.Uri;
import org.apache.pekko.http.javadsl.model.headers.CacheControl;
import org.apache.pekko.http.javadsl.model.headers.CacheDirectives;
import org.apache.pekko.http.javadsl.model.headers.HttpCookiePair;
import org.apache.pekko.http.javadsl.server.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signing in and out, and {@code GET /api/v1/me}:
 * <ul>
 * <li>{@code GET /auth/login?return=/Room}: to the provider (code flow, PKCE, state, nonce);
 * <li>{@code GET /auth/callback}: checks the answer, sets the session, back to the return path;
 * <li>{@code POST|GET /auth/logout}: ends the session, back to {@code /}.
 * </ul>
 * A failed sign-in sets nothing and says why on a small page; it never shows a stack trace.
 */
final class AuthRoutes {

    private static final Logger log = LoggerFactory.getLogger(AuthRoutes.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String LOGIN_PATH = "/auth/login";
    private static final String CALLBACK_PATH = "/auth/callback";
    private static final int MAX_RETURN_PATH = 2048;

    private final OidcProvider provider;
    private final SessionCookies cookies;
    private final Authenticator authenticator;
    private final AuthSettings.Oidc settings;
    private final boolean developmentProvider;

    AuthRoutes(OidcProvider provider, SessionCookies cookies, Authenticator authenticator, AuthSettings.Oidc settings,
            boolean developmentProvider) {
        this.provider = provider;
        this.cookies = cookies;
        this.authenticator = authenticator;
        this.settings = settings;
        this.developmentProvider = developmentProvider;
    }

    Route route() {
        Route routes = concat(
                pathPrefix("auth", () -> concat(
                        path("login", () -> get(() -> parameterOptional("return", this::login))),
                        path("callback", () -> get(this::callback)),
                        path("logout", () -> concat(get(this::logout), post(this::logout))))),
                path(segment("api").slash("v1").slash("me"), () -> get(this::me)));
        return respondWithHeader(CacheControl.create(CacheDirectives.NO_STORE), () -> routes);
    }

    private Route login(Optional<String> requestedReturn) {
        Optional<String> returnPath = safeReturnPath(requestedReturn.orElse("/"));
        if (returnPath.isEmpty()) {
            return complete(page(StatusCodes.BAD_REQUEST, "Not a place to return to",
                    "After signing in, Parley only returns to one of its own pages (a path starting with a single '/')."));
        }
        return extractUri(uri -> {
            URI redirectUri = URI.create(publicUrl(uri) + CALLBACK_PATH);
            return onComplete(provider.loginRequest(redirectUri), result -> {
                if (result.isFailure()) {
                    log.warn("sign-in could not start: {}", result.failed().get().getMessage());
                    return complete(page(StatusCodes.SERVICE_UNAVAILABLE, "Sign-in is not available right now",
                            "The identity provider is not reachable. Please try again in a moment."));
                }
                OidcProvider.LoginRequest request = result.get();
                SessionCookies.PendingLogin pending = new SessionCookies.PendingLogin(request.state().getValue(),
                        request.codeVerifier().getValue(), request.nonce().getValue(), returnPath.get(),
                        redirectUri.toString());
                return setCookie(cookies.login(pending),
                        () -> redirect(Uri.create(request.authorizationUri().toString()), StatusCodes.FOUND));
            });
        });
    }

    private Route callback() {
        return parameterOptional("code", code -> parameterOptional("state", state ->
                parameterOptional("error", error -> parameterOptional("error_description", description ->
                        optionalCookie(SessionCookies.LOGIN, login ->
                                callback(code, state, error, description, login))))));
    }

    private Route callback(Optional<String> code, Optional<String> state, Optional<String> error,
            Optional<String> description, Optional<HttpCookiePair> loginCookie) {
        if (error.isPresent()) {
            return complete(page(StatusCodes.UNAUTHORIZED, "Sign-in did not complete",
                    "The identity provider answered: " + error.get() + description.map(d -> " (" + d + ")").orElse("")
                            + ". You can try again."));
        }
        Optional<SessionCookies.PendingLogin> pending = loginCookie.map(HttpCookiePair::value).flatMap(cookies::readLogin);
        if (pending.isEmpty()) {
            return complete(page(StatusCodes.BAD_REQUEST, "This sign-in has expired",
                    "It took too long or was started in another browser. Please sign in again."));
        }
        if (state.isEmpty() || !state.get().equals(pending.get().state())) {
            return complete(page(StatusCodes.BAD_REQUEST, "This sign-in does not match",
                    "The answer from the identity provider is not for the sign-in this browser started. Please sign in again."));
        }
        if (code.isEmpty() || code.get().isBlank()) {
            return complete(page(StatusCodes.BAD_REQUEST, "Sign-in did not complete",
                    "The identity provider sent no authorization code. Please sign in again."));
        }
        SessionCookies.PendingLogin login = pending.get();
        return onComplete(provider.completeLogin(code.get(), URI.create(login.redirectUri()),
                new CodeVerifier(login.codeVerifier()), new Nonce(login.nonce())), result -> {
            if (result.isFailure()) {
                Throwable cause = unwrap(result.failed().get());
                if (cause instanceof AuthenticationFailed refused) {
                    log.warn("sign-in refused: {}", refused.getMessage(), refused.getCause());
                    return complete(page(StatusCodes.UNAUTHORIZED, "Sign-in failed",
                            "Parley could not verify the identity provider's answer: " + refused.getMessage() + "."));
                }
                log.warn("sign-in failed", cause);
                return complete(page(StatusCodes.SERVICE_UNAVAILABLE, "Sign-in is not available right now",
                        "The identity provider is not reachable. Please try again in a moment."));
            }
            Identity identity = result.get();
            log.info("{} signed in (member: {})", identity.subject(), identity.member());
            return setCookie(List.of(cookies.session(identity), cookies.endLogin()),
                    () -> redirect(Uri.create(login.returnPath()), StatusCodes.FOUND));
        });
    }

    private Route logout() {
        return setCookie(cookies.endSession(), () -> redirect(Uri.create("/"), StatusCodes.FOUND));
    }

    private Route me() {
        return authenticator.identityKeepingGuests(identity -> {
            ObjectNode body = JSON.createObjectNode()
                    .put("signedIn", identity.signedIn())
                    .put("subject", identity.subject())
                    .put("displayName", identity.displayName())
                    .put("member", identity.member());
            body.putObject("identityProvider")
                    .put("development", developmentProvider)
                    .put("issuer", provider.issuer())
                    .put("loginUrl", LOGIN_PATH);
            return complete(HttpResponse.create().withEntity(ContentTypes.APPLICATION_JSON, body.toString()));
        });
    }

    /** Only Parley's own pages: one leading '/', no scheme, no host, no backslash or control characters. */
    static Optional<String> safeReturnPath(String candidate) {
        boolean safe = candidate.startsWith("/")
                && !candidate.startsWith("//")
                && candidate.length() <= MAX_RETURN_PATH
                && candidate.chars().noneMatch(c -> c == '\\' || c < 0x20 || c == 0x7f);
        if (!safe) {
            return Optional.empty();
        }
        try {
            Uri parsed = Uri.create(candidate);
            return parsed.isRelative() && parsed.host().address().isEmpty() ? Optional.of(candidate) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private String publicUrl(Uri requestUri) {
        if (!settings.publicUrl().isEmpty()) {
            return settings.publicUrl();
        }
        int port = requestUri.port();
        return requestUri.scheme() + "://" + requestUri.host().address() + (port > 0 ? ":" + port : "");
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && !(cause instanceof OidcProvider.ProviderUnavailable)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static HttpResponse page(StatusCode status, String title, String message) {
        String html = """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
                <title>%1$s – Parley</title></head>
                <body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 4rem auto; padding: 0 1rem">
                <h1 data-testid="auth-error">%1$s</h1><p>%2$s</p>
                <p><a href="/auth/login">Sign in again</a> · <a href="/">Parley home</a></p>
                </body></html>
                """.formatted(escape(title), escape(message));
        return HttpResponse.create().withStatus(status).withEntity(ContentTypes.TEXT_HTML_UTF8, html);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}

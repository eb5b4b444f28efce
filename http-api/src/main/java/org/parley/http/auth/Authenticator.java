package org.parley.http.auth;

import static org.apache.pekko.http.javadsl.server.Directives.complete;
import static org.apache.pekko.http.javadsl.server.Directives.onComplete;
import static org.apache.pekko.http.javadsl.server.Directives.optionalCookie;
import static org.apache.pekko.http.javadsl.server.Directives.optionalHeaderValueByName;
import static org.apache.pekko.http.javadsl.server.Directives.setCookie;

import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.HttpCookiePair;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.server.Route;
import org.parley.http.rest.ApiErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.util.Try;

/**
 * Who is calling, for the rest of the edge. Two entry points:
 * <ul>
 * <li>{@link #identity} for browsers (signalling, pages): a bearer access token if one is sent,
 *     else the session cookie, else the guest cookie, else a fresh guest. A bearer token that does
 *     not check out is refused (401), never quietly downgraded to a guest.
 * <li>{@link #apiCaller} for the REST API: a bearer token is required; a person's access token or
 *     a service token.
 * </ul>
 * Refusals are 401 with {@code WWW-Authenticate: Bearer} in the API's JSON error shape; a provider
 * that cannot be reached to fetch its keys is a 503.
 */
public final class Authenticator {

    private static final Logger log = LoggerFactory.getLogger(Authenticator.class);
    private static final String BEARER = "bearer ";

    private final BearerTokens bearerTokens;
    private final SessionCookies cookies;

    Authenticator(BearerTokens bearerTokens, SessionCookies cookies) {
        this.bearerTokens = bearerTokens;
        this.cookies = cookies;
    }

    /** The person behind a browser request or WebSocket upgrade; guests included. */
    public Route identity(Function<Identity, Route> inner) {
        return optionalHeaderValueByName("Authorization", header -> bearer(header)
                .<Route>map(token -> onComplete(bearerTokens.validate(token), (Try<ApiCaller> result) -> {
                    if (result.isFailure()) {
                        return refuse(result.failed().get());
                    }
                    if (result.get() instanceof ApiCaller.User user) {
                        return inner.apply(user.identity());
                    }
                    return complete(ApiErrors.response(StatusCodes.FORBIDDEN, "FORBIDDEN",
                            "a service token does not stand for a person; sign in or use a person's access token"));
                }))
                .orElseGet(() -> fromCookies((identity, fresh) -> inner.apply(identity))));
    }

    /**
     * Like {@link #identity}, and a browser without a valid session or guest cookie gets a guest
     * cookie carrying the id of the guest {@code inner} sees.
     */
    public Route identityKeepingGuests(Function<Identity, Route> inner) {
        return optionalHeaderValueByName("Authorization", header -> bearer(header).isPresent()
                ? identity(inner)
                : fromCookies((identity, fresh) -> fresh ? setGuestCookie(identity, inner) : inner.apply(identity)));
    }

    /** Serves {@code inner}, giving the browser a guest cookie if it has neither session nor guest cookie. */
    public Route keepingGuests(Supplier<Route> inner) {
        return fromCookies((identity, fresh) -> fresh ? setGuestCookie(identity, ignored -> inner.get()) : inner.get());
    }

    /** The caller of the REST API, proven by {@code Authorization: Bearer <token>}. */
    public Route apiCaller(Function<ApiCaller, Route> inner) {
        return optionalHeaderValueByName("Authorization", header -> bearer(header)
                .<Route>map(token -> onComplete(bearerTokens.validate(token), (Try<ApiCaller> result) -> result.isSuccess()
                        ? inner.apply(result.get())
                        : refuse(result.failed().get())))
                .orElseGet(() -> complete(unauthorized(
                        "this API needs 'Authorization: Bearer <token>' (an access token or a service token)", false))));
    }

    /** For code outside a route (e.g. a test or another transport): the same check as {@link #apiCaller}. */
    public CompletionStage<ApiCaller> validateBearer(String token) {
        return bearerTokens.validate(token);
    }

    private interface Resolved {
        Route apply(Identity identity, boolean freshGuest);
    }

    private Route fromCookies(Resolved inner) {
        return optionalCookie(SessionCookies.SESSION, session -> optionalCookie(SessionCookies.GUEST, guest -> {
            Optional<Identity> signedIn = session.map(HttpCookiePair::value).flatMap(cookies::readSession);
            if (signedIn.isPresent()) {
                return inner.apply(signedIn.get(), false);
            }
            Optional<Identity> known = guest.map(HttpCookiePair::value).flatMap(cookies::readGuest);
            return known.map(identity -> inner.apply(identity, false))
                    .orElseGet(() -> inner.apply(Identity.freshGuest(), true));
        }));
    }

    private Route setGuestCookie(Identity guest, Function<Identity, Route> inner) {
        String id = guest.subject().substring(Identity.GUEST_PREFIX.length());
        return setCookie(cookies.guest(id), () -> inner.apply(guest));
    }

    private static Optional<String> bearer(Optional<String> header) {
        return header.filter(value -> value.regionMatches(true, 0, BEARER, 0, BEARER.length()))
                .map(value -> value.substring(BEARER.length()).strip())
                .filter(token -> !token.isEmpty());
    }

    private static Route refuse(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && !(cause instanceof OidcProvider.ProviderUnavailable)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof AuthenticationFailed refused) {
            log.debug("bearer token refused: {}", refused.getMessage(), refused.getCause());
            return complete(unauthorized(refused.getMessage(), true));
        }
        if (cause instanceof OidcProvider.ProviderUnavailable unavailable) {
            return complete(ApiErrors.response(StatusCodes.SERVICE_UNAVAILABLE, "UNAVAILABLE", unavailable.getMessage()));
        }
        return complete(ApiErrors.fromFailure(cause));
    }

    static HttpResponse unauthorized(String message, boolean tokenWasSent) {
        String challenge = tokenWasSent ? "Bearer realm=\"parley\", error=\"invalid_token\"" : "Bearer realm=\"parley\"";
        return ApiErrors.response(StatusCodes.UNAUTHORIZED, "UNAUTHORIZED", message)
                .addHeader(RawHeader.create("WWW-Authenticate", challenge));
    }
}

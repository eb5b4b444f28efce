package org.parley.http.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.Executor;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.http.javadsl.server.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authentication, assembled: the relying party of one identity provider, the signed cookies, the
 * bearer-token checks. {@link #authenticator()} is what other routes use; {@link #route()} serves
 * {@code /auth/*} and {@code /api/v1/me}.
 */
public final class Auth {

    private static final Logger log = LoggerFactory.getLogger(Auth.class);

    private final AuthSettings settings;
    private final boolean developmentProvider;
    private final Authenticator authenticator;
    private final AuthRoutes routes;

    private Auth(AuthSettings settings, boolean developmentProvider, Executor blocking, Clock clock) {
        this.settings = settings;
        this.developmentProvider = developmentProvider;
        OidcProvider provider = new OidcProvider(settings.oidc(), blocking);
        SessionCookies cookies = new SessionCookies(new CookieSigner(sessionKey(settings.session()), clock),
                settings.session(), clock);
        this.authenticator = new Authenticator(new BearerTokens(provider, new ServiceTokens(settings.serviceTokens())),
                cookies);
        this.routes = new AuthRoutes(provider, cookies, authenticator, settings.oidc(), developmentProvider);
    }

    /**
     * @param settings with the issuer to use (the configured one, or the development provider's)
     * @param developmentProvider whether that issuer is the development provider (the UI says so)
     */
    public static Auth create(ActorSystem<?> system, AuthSettings settings, boolean developmentProvider) {
        // Discovery, key fetches and the token exchange block on the network.
        Executor blocking = system.dispatchers().lookup(DispatcherSelector.blocking());
        return new Auth(settings, developmentProvider, blocking, Clock.systemUTC());
    }

    public Authenticator authenticator() {
        return authenticator;
    }

    public Route route() {
        return routes.route();
    }

    public String issuer() {
        return settings.oidc().issuer();
    }

    public boolean developmentProvider() {
        return developmentProvider;
    }

    private static byte[] sessionKey(AuthSettings.Session session) {
        if (!session.secret().isEmpty()) {
            return session.secret().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        log.warn("parley.auth.session.secret (PARLEY_SESSION_SECRET) is not set: using a random key, so every sign-in "
                + "ends when this node restarts, and the nodes of a cluster do not accept each other's sessions");
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}

package org.parley.deploy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.NettyWrapper;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import org.parley.http.auth.AuthSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An OpenID provider inside the server process for development (no-nav's mock-oauth2-server): its
 * sign-in form accepts any user name, so anyone can be anyone. It runs only when no issuer is
 * configured and {@code parley.auth.dev-provider.enabled} is on; a configured issuer never starts it.
 */
final class DevelopmentIdentityProvider implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DevelopmentIdentityProvider.class);
    static final String ISSUER_ID = "parley";

    private final MockOAuth2Server server;

    private DevelopmentIdentityProvider(MockOAuth2Server server) {
        this.server = server;
    }

    /** The provider to use: empty when an issuer is configured; fails if none is and this one is off. */
    static Optional<DevelopmentIdentityProvider> startIfNeeded(AuthSettings settings) {
        if (!settings.oidc().issuer().isEmpty()) {
            return Optional.empty();
        }
        if (!settings.devProvider().enabled()) {
            throw new IllegalStateException("no identity provider: set parley.auth.oidc.issuer (PARLEY_OIDC_ISSUER) to "
                    + "your OpenID Connect provider, or enable the development provider (PARLEY_DEV_IDP=true) on a "
                    + "machine nobody else uses");
        }
        // Tokens are for Parley: the ID token's audience is the client id anyway, the access token's
        // is set to it too so the REST API accepts it.
        DefaultOAuth2TokenCallback forParley = new DefaultOAuth2TokenCallback(ISSUER_ID, "anyone", "JWT",
                List.of(settings.oidc().clientId()), Map.of(), 3600);
        MockOAuth2Server server = new MockOAuth2Server(new OAuth2Config(true, null, null, false,
                new OAuth2TokenProvider(), Set.of(forParley), new NettyWrapper()));
        try {
            server.start(settings.devProvider().port());
        } catch (RuntimeException e) {
            throw new IllegalStateException("the development identity provider could not listen on port "
                    + settings.devProvider().port() + " (PARLEY_DEV_IDP_PORT; 0 = any free port)", e);
        }
        DevelopmentIdentityProvider provider = new DevelopmentIdentityProvider(server);
        log.warn("development identity provider at {}: ANYONE CAN SIGN IN AS ANYONE, not for production. "
                + "Set PARLEY_OIDC_ISSUER to a real provider (see deploy/identity.md).", provider.issuer());
        return Optional.of(provider);
    }

    String issuer() {
        return server.issuerUrl(ISSUER_ID).toString();
    }

    @Override
    public void close() {
        server.shutdown();
    }
}

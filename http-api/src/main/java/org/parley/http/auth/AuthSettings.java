package org.parley.http.auth;

import com.typesafe.config.Config;
import java.time.Duration;

/** The {@code parley.auth} section, read once. */
public record AuthSettings(Oidc oidc, Session session, ServiceTokens serviceTokens, DevProvider devProvider) {

    /** The relying party: which provider, which client, which claims mean what. */
    public record Oidc(String issuer, String clientId, String clientSecret, String scopes, String userIdClaim,
            String displayNameClaim, String memberClaim, String memberValue, String publicUrl) {

        public boolean confidentialClient() {
            return !clientSecret.isEmpty();
        }
    }

    /** {@code secret} empty: a random key per boot (sessions end at restart, nodes don't share them). */
    public record Session(String secret, Duration maxAge, boolean secureCookie) {}

    /** {@code secret} empty: service tokens are refused. */
    public record ServiceTokens(String secret, String issuer) {

        public boolean enabled() {
            return !secret.isEmpty();
        }
    }

    public record DevProvider(boolean enabled, int port) {}

    public static AuthSettings fromConfig(Config root) {
        Config c = root.getConfig("parley.auth");
        Config oidc = c.getConfig("oidc");
        Config session = c.getConfig("session");
        Config service = c.getConfig("service-tokens");
        Config dev = c.getConfig("dev-provider");
        return new AuthSettings(
                new Oidc(
                        oidc.getString("issuer"),
                        oidc.getString("client-id"),
                        oidc.getString("client-secret"),
                        oidc.getString("scopes"),
                        oidc.getString("user-id-claim"),
                        oidc.getString("display-name-claim"),
                        oidc.getString("member-claim"),
                        oidc.getString("member-value"),
                        stripTrailingSlash(oidc.getString("public-url"))),
                new Session(session.getString("secret"), session.getDuration("max-age"),
                        session.getBoolean("secure-cookie")),
                new ServiceTokens(service.getString("secret"), service.getString("issuer")),
                new DevProvider(dev.getBoolean("enabled"), dev.getInt("port")));
    }

    /** The provider to use when the configured issuer is empty: the development provider's. */
    public AuthSettings withIssuer(String issuer) {
        return new AuthSettings(new Oidc(issuer, oidc.clientId, oidc.clientSecret, oidc.scopes,
                oidc.userIdClaim, oidc.displayNameClaim, oidc.memberClaim, oidc.memberValue, oidc.publicUrl),
                session, serviceTokens, devProvider);
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}

package org.parley.http.auth;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code Authorization: Bearer} tokens: an access token from the identity provider (a person) or a
 * service token (another system). The token's unverified issuer only picks which of the two checks
 * it must pass; each check accepts its own algorithms only (public-key for the provider, HS256 for
 * services), so a token cannot pass one by pretending to be the other. Unsigned tokens never parse.
 */
public final class BearerTokens {

    private final OidcProvider provider;
    private final ServiceTokens services;

    BearerTokens(OidcProvider provider, ServiceTokens services) {
        this.provider = provider;
        this.services = services;
    }

    /** Completes with the caller, or fails with {@link AuthenticationFailed} (or provider unavailable). */
    public CompletionStage<ApiCaller> validate(String token) {
        SignedJWT jwt;
        JWTClaimsSet unverified;
        try {
            jwt = SignedJWT.parse(token.strip());
            unverified = jwt.getJWTClaimsSet();
        } catch (java.text.ParseException | RuntimeException e) {
            return CompletableFuture.failedFuture(new AuthenticationFailed("the bearer token is not a signed JWT"));
        }
        if (services.claimsToBeOne(unverified)) {
            try {
                return CompletableFuture.completedFuture(services.validate(jwt));
            } catch (AuthenticationFailed e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        return provider.validateAccessToken(jwt).thenApply(ApiCaller.User::new);
    }
}

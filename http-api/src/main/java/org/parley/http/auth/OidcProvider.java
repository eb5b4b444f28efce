package org.parley.http.auth;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import java.net.URI;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parley as an OpenID Connect relying party of one provider. The provider's metadata is discovered
 * on first use and again after a failure, so a node that boots while the provider is down starts
 * anyway and signs people in once it is back. Every call that goes over the network (discovery,
 * JWKS, token exchange) runs on {@code blocking}, never on the caller's thread.
 */
final class OidcProvider {

    private static final Logger log = LoggerFactory.getLogger(OidcProvider.class);
    private static final int CONNECT_TIMEOUT_MS = 5_000;
    private static final int READ_TIMEOUT_MS = 10_000;

    /**
     * Only public-key signatures: the keys come from the provider's JWKS, and an HMAC algorithm
     * here would let anyone who knows a public key sign tokens with it (algorithm confusion).
     */
    private static final Set<JWSAlgorithm> PROVIDER_ALGORITHMS = providerAlgorithms();

    /** The request that sends a browser to the provider, and what the callback must check. */
    record LoginRequest(URI authorizationUri, State state, Nonce nonce, CodeVerifier codeVerifier) {}

    private record Discovered(OIDCProviderMetadata metadata, IDTokenValidator idTokens,
            DefaultJWTProcessor<SecurityContext> accessTokens) {}

    private final AuthSettings.Oidc settings;
    private final Issuer issuer;
    private final ClientID clientId;
    private final ClaimMapping claims;
    private final Executor blocking;
    private final AtomicReference<CompletableFuture<Discovered>> discovery = new AtomicReference<>();

    OidcProvider(AuthSettings.Oidc settings, Executor blocking) {
        if (settings.issuer().isEmpty()) {
            throw new IllegalArgumentException("parley.auth.oidc.issuer is empty: no identity provider to use");
        }
        this.settings = settings;
        this.issuer = new Issuer(settings.issuer());
        this.clientId = new ClientID(settings.clientId());
        this.claims = new ClaimMapping(settings);
        this.blocking = blocking;
    }

    String issuer() {
        return issuer.getValue();
    }

    /** Where to send the browser: code flow with PKCE (S256), a fresh state and nonce. */
    CompletionStage<LoginRequest> loginRequest(URI redirectUri) {
        return discovered().thenApply(provider -> {
            State state = new State();
            Nonce nonce = new Nonce();
            CodeVerifier verifier = new CodeVerifier();
            URI uri = new AuthenticationRequest.Builder(ResponseType.CODE, Scope.parse(settings.scopes()), clientId,
                            redirectUri)
                    .endpointURI(provider.metadata().getAuthorizationEndpointURI())
                    .state(state)
                    .nonce(nonce)
                    .codeChallenge(verifier, CodeChallengeMethod.S256)
                    .build()
                    .toURI();
            return new LoginRequest(uri, state, nonce, verifier);
        });
    }

    /** Exchanges the code from the callback and validates the ID token it brings. */
    CompletionStage<Identity> completeLogin(String code, URI redirectUri, CodeVerifier verifier, Nonce nonce) {
        return discovered().thenApplyAsync(provider -> {
            AuthorizationCodeGrant grant = new AuthorizationCodeGrant(new AuthorizationCode(code), redirectUri, verifier);
            URI endpoint = provider.metadata().getTokenEndpointURI();
            TokenRequest request = settings.confidentialClient()
                    ? new TokenRequest(endpoint, new ClientSecretBasic(clientId, new Secret(settings.clientSecret())), grant)
                    : new TokenRequest(endpoint, clientId, grant);
            TokenResponse response;
            try {
                HTTPRequest http = request.toHTTPRequest();
                http.setConnectTimeout(CONNECT_TIMEOUT_MS);
                http.setReadTimeout(READ_TIMEOUT_MS);
                response = OIDCTokenResponseParser.parse(http.send());
            } catch (Exception e) {
                throw new AuthenticationFailed("the identity provider's token endpoint did not answer properly", e);
            }
            if (!response.indicatesSuccess()) {
                TokenErrorResponse error = response.toErrorResponse();
                throw new AuthenticationFailed("the identity provider refused the code: "
                        + (error.getErrorObject() == null ? "no reason given" : error.getErrorObject().getCode()));
            }
            JWT idToken = response.toSuccessResponse().getTokens().toOIDCTokens().getIDToken();
            try {
                return claims.identity(provider.idTokens().validate(idToken, nonce).toJWTClaimsSet());
            } catch (AuthenticationFailed e) {
                throw e;
            } catch (Exception e) {
                throw new AuthenticationFailed("the identity provider's ID token is not valid", e);
            }
        }, blocking);
    }

    /** A JWT access token from this provider: signature (JWKS), issuer, expiry, audience if present. */
    CompletionStage<Identity> validateAccessToken(SignedJWT token) {
        return discovered().thenApplyAsync(provider -> {
            JWTClaimsSet verified;
            try {
                verified = provider.accessTokens().process(token, null);
            } catch (Exception e) {
                throw new AuthenticationFailed("the access token is not valid", e);
            }
            return claims.identity(verified);
        }, blocking);
    }

    private CompletionStage<Discovered> discovered() {
        while (true) {
            CompletableFuture<Discovered> current = discovery.get();
            if (current != null && !current.isCompletedExceptionally()) {
                return current;
            }
            CompletableFuture<Discovered> next = new CompletableFuture<>();
            if (discovery.compareAndSet(current, next)) {
                blocking.execute(() -> {
                    try {
                        next.complete(discover());
                    } catch (Exception e) {
                        log.warn("identity provider {} could not be discovered (will retry on the next sign-in): {}",
                                issuer.getValue(), e.toString());
                        next.completeExceptionally(new ProviderUnavailable(e));
                    }
                });
                return next;
            }
        }
    }

    private Discovered discover() throws Exception {
        OIDCProviderMetadata metadata = OIDCProviderMetadata.resolve(issuer, CONNECT_TIMEOUT_MS, READ_TIMEOUT_MS);
        JWKSource<SecurityContext> keys = JWKSourceBuilder
                .create(metadata.getJWKSetURI().toURL(),
                        new DefaultResourceRetriever(CONNECT_TIMEOUT_MS, READ_TIMEOUT_MS, 512 * 1024))
                .retrying(true)
                .build();
        JWSVerificationKeySelector<SecurityContext> keySelector = new JWSVerificationKeySelector<>(PROVIDER_ALGORITHMS, keys);

        IDTokenValidator idTokens = new IDTokenValidator(issuer, clientId, keySelector, null);

        DefaultJWTProcessor<SecurityContext> accessTokens = new DefaultJWTProcessor<>();
        accessTokens.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(
                JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), new JOSEObjectType("application/at+jwt"), null));
        accessTokens.setJWSKeySelector(keySelector);
        // A null entry accepts tokens without an audience; one that has an audience must name Parley.
        Set<String> audiences = new HashSet<>();
        audiences.add(settings.clientId());
        audiences.add(null);
        accessTokens.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                audiences,
                new JWTClaimsSet.Builder().issuer(issuer.getValue()).build(),
                Set.of("iss", "exp"),
                null));
        log.info("identity provider {} discovered", issuer.getValue());
        return new Discovered(metadata, idTokens, accessTokens);
    }

    private static Set<JWSAlgorithm> providerAlgorithms() {
        Set<JWSAlgorithm> algorithms = new HashSet<>();
        algorithms.addAll(JWSAlgorithm.Family.RSA);
        algorithms.addAll(JWSAlgorithm.Family.EC);
        algorithms.addAll(JWSAlgorithm.Family.ED);
        return Set.copyOf(algorithms);
    }

    /** The provider did not answer discovery: a 503, not the user's fault. */
    static final class ProviderUnavailable extends CompletionException {
        ProviderUnavailable(Throwable cause) {
            super("the identity provider is not reachable; try again shortly", cause);
        }
    }
}

package org.parley.http.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.typesafe.config.ConfigFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Which bearer tokens the API accepts, against a real provider (mock-oauth2-server, its keys served
 * over HTTP): good ones from the provider and good service tokens; nothing forged, stale or meant for
 * someone else.
 */
class BearerTokensTest {

    private static final String SERVICE_SECRET = "a-service-token-secret-that-is-long-enough";
    private static final String ISSUER_ID = "parley";

    private static MockOAuth2Server provider;
    private static ExecutorService blocking;
    private static String issuer;

    @BeforeAll
    static void startProvider() {
        provider = new MockOAuth2Server();
        provider.start();
        issuer = provider.issuerUrl(ISSUER_ID).toString();
        blocking = Executors.newCachedThreadPool();
    }

    @AfterAll
    static void stopProvider() {
        provider.shutdown();
        blocking.shutdownNow();
    }

    @Test
    void anAccessTokenFromTheProviderForParleyIsAPerson() {
        ApiCaller caller = accept(tokens(""), provider.issueToken(ISSUER_ID, "alice", "parley",
                Map.of("name", "Alice Liddell"), 3600).serialize());

        Identity alice = assertInstanceOf(ApiCaller.User.class, caller).identity();
        assertEquals(new Identity("oidc:alice", "Alice Liddell", true, true), alice);
    }

    @Test
    void anAccessTokenWithoutAnAudienceIsAccepted() {
        ApiCaller caller = accept(tokens(""), provider.issueToken(ISSUER_ID, "some-client",
                new DefaultOAuth2TokenCallback(ISSUER_ID, "bob", "JWT", List.of(), Map.of(), 3600)).serialize());

        assertEquals("oidc:bob", ((ApiCaller.User) caller).identity().subject());
        assertEquals("bob", ((ApiCaller.User) caller).identity().displayName(), "falls back to the user id");
    }

    @Test
    void aTokenSignedWithAKeyTheProviderDoesNotHaveIsRefused() throws Exception {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID(providerKeyId()).generate();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(stranger.getKeyID()).build(),
                claims(issuer, "parley", Instant.now().plusSeconds(600)));
        forged.sign(new RSASSASigner(stranger));

        refuse(tokens(""), forged.serialize());
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() {
        refuse(tokens(""), provider.issueToken("someone-else", "alice", "parley", Map.of(), 3600).serialize());
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        refuse(tokens(""), provider.issueToken(ISSUER_ID, "alice", "another-app", Map.of(), 3600).serialize());
    }

    @Test
    void anExpiredTokenIsRefused() {
        refuse(tokens(""), provider.issueToken(ISSUER_ID, "alice", "parley", Map.of(), -600).serialize());
    }

    @Test
    void anUnsignedTokenIsRefused() {
        String unsigned = new PlainJWT(claims(issuer, "parley", Instant.now().plusSeconds(600))).serialize();

        refuse(tokens(""), unsigned);
        refuse(tokens(""), unsigned + "e30");
    }

    @Test
    void anHmacTokenPretendingToComeFromTheProviderIsRefused() throws Exception {
        // Algorithm confusion: HS256 keyed with the provider's public key, or with the service secret.
        byte[] publicKey = JWKSet.load(URI.create(issuer + "/jwks").toURL()).getKeys().get(0).toRSAKey()
                .toRSAPublicKey().getEncoded();
        for (byte[] key : List.of(publicKey, SERVICE_SECRET.getBytes(StandardCharsets.UTF_8))) {
            refuse(tokens(""), hs256(key, claims(issuer, "parley", Instant.now().plusSeconds(600))));
        }
    }

    @Test
    void aServiceTokenIsAServiceWithItsRooms() {
        ApiCaller caller = accept(tokens(""), hs256(SERVICE_SECRET.getBytes(StandardCharsets.UTF_8),
                serviceClaims("booking", List.of("Physics101", "*"), Instant.now().plusSeconds(600))));

        ApiCaller.Service service = assertInstanceOf(ApiCaller.Service.class, caller);
        assertEquals("booking", service.name());
        assertEquals(Set.of("physics101", "*"), service.rooms());
        assertTrue(service.mayActOn("AnyRoom"));
    }

    @Test
    void aServiceTokenActsOnlyOnItsRooms() {
        ApiCaller.Service service = (ApiCaller.Service) accept(tokens(""), hs256(
                SERVICE_SECRET.getBytes(StandardCharsets.UTF_8),
                serviceClaims("recorder", List.of("Physics101"), Instant.now().plusSeconds(600))));

        assertTrue(service.mayActOn("physics101"));
        assertFalse(service.mayActOn("chemistry"));
    }

    @Test
    void aServiceTokenWithAWrongSecretOrExpiredOrWithoutExpiryIsRefused() {
        byte[] secret = SERVICE_SECRET.getBytes(StandardCharsets.UTF_8);
        refuse(tokens(""), hs256("another-secret-that-is-also-long-enough!!".getBytes(StandardCharsets.UTF_8),
                serviceClaims("booking", List.of("*"), Instant.now().plusSeconds(600))));
        refuse(tokens(""), hs256(secret, serviceClaims("booking", List.of("*"), Instant.now().minusSeconds(600))));
        refuse(tokens(""), hs256(secret, serviceClaims("booking", List.of("*"), null)));
    }

    @Test
    void serviceTokensAreRefusedWhenNoSecretIsConfigured() {
        BearerTokens withoutServices = new BearerTokens(new OidcProvider(settings("", "").oidc(), blocking),
                new ServiceTokens(new AuthSettings.ServiceTokens("", "parley-service")));

        refuse(withoutServices, hs256(SERVICE_SECRET.getBytes(StandardCharsets.UTF_8),
                serviceClaims("booking", List.of("*"), Instant.now().plusSeconds(600))));
    }

    @Test
    void aShortServiceSecretStopsTheServerFromStarting() {
        assertThrows(IllegalArgumentException.class,
                () -> new ServiceTokens(new AuthSettings.ServiceTokens("short", "parley-service")));
    }

    @Test
    void withAMemberClaimOnlyPeopleWhoseClaimHasTheValueAreMembers() {
        BearerTokens staffOnly = tokens("groups");

        assertTrue(person(staffOnly, Map.of("groups", List.of("students", "staff"))).member());
        assertFalse(person(staffOnly, Map.of("groups", List.of("students"))).member());
        assertTrue(person(staffOnly, Map.of("groups", "staff")).member());
        Identity noClaim = person(staffOnly, Map.of());
        assertTrue(noClaim.signedIn());
        assertFalse(noClaim.member());
    }

    @Test
    void withoutAMemberClaimEverySignedInPersonIsAMember() {
        assertTrue(person(tokens(""), Map.of("groups", List.of("students"))).member());
    }

    private Identity person(BearerTokens tokens, Map<String, Object> claims) {
        return ((ApiCaller.User) accept(tokens, provider.issueToken(ISSUER_ID, "carol", "parley", claims, 3600)
                .serialize())).identity();
    }

    private static BearerTokens tokens(String memberClaim) {
        AuthSettings settings = settings(memberClaim, memberClaim.isEmpty() ? "" : "staff");
        return new BearerTokens(new OidcProvider(settings.oidc(), blocking), new ServiceTokens(settings.serviceTokens()));
    }

    private static AuthSettings settings(String memberClaim, String memberValue) {
        return AuthSettings.fromConfig(ConfigFactory.parseMap(Map.of(
                        "parley.auth.oidc.issuer", issuer,
                        "parley.auth.oidc.member-claim", memberClaim,
                        "parley.auth.oidc.member-value", memberValue,
                        "parley.auth.service-tokens.secret", SERVICE_SECRET))
                .withFallback(ConfigFactory.defaultReference())
                .resolve());
    }

    private static ApiCaller accept(BearerTokens tokens, String token) {
        return tokens.validate(token).toCompletableFuture().join();
    }

    private static void refuse(BearerTokens tokens, String token) {
        CompletionException failure = assertThrows(CompletionException.class,
                () -> tokens.validate(token).toCompletableFuture().join(), token);
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        assertInstanceOf(AuthenticationFailed.class, cause, token);
    }

    private static JWTClaimsSet claims(String iss, String aud, Instant expires) {
        return new JWTClaimsSet.Builder().issuer(iss).audience(aud).subject("mallory")
                .expirationTime(Date.from(expires)).build();
    }

    private static JWTClaimsSet serviceClaims(String service, List<String> rooms, Instant expires) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer("parley-service").subject(service)
                .claim("rooms", rooms);
        if (expires != null) {
            claims.expirationTime(Date.from(expires));
        }
        return claims.build();
    }

    private static String hs256(byte[] key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String providerKeyId() throws Exception {
        HttpResponse<String> jwks = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(issuer + "/jwks"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        return JWKSet.parse(jwks.body()).getKeys().get(0).getKeyID();
    }
}

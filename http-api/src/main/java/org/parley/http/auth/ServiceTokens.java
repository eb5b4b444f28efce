package org.parley.http.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Service tokens: HS256 JWTs signed with the shared service-token secret, with {@code iss} = the
 * configured issuer, {@code sub} = the service's name, {@code rooms} and {@code exp}. Pure CPU work.
 */
final class ServiceTokens {

    /** HS256 needs a key as long as its hash. */
    private static final int MIN_SECRET_BYTES = 32;

    private final AuthSettings.ServiceTokens settings;
    private final Optional<DefaultJWTProcessor<SecurityContext>> processor;

    ServiceTokens(AuthSettings.ServiceTokens settings) {
        this.settings = settings;
        if (!settings.enabled()) {
            this.processor = Optional.empty();
            return;
        }
        byte[] secret = settings.secret().getBytes(StandardCharsets.UTF_8);
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("parley.auth.service-tokens.secret must be at least "
                    + MIN_SECRET_BYTES + " bytes (e.g. `openssl rand -base64 48`)");
        }
        DefaultJWTProcessor<SecurityContext> jwt = new DefaultJWTProcessor<>();
        jwt.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.HS256, new ImmutableSecret<>(secret)));
        jwt.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                null,
                new JWTClaimsSet.Builder().issuer(settings.issuer()).build(),
                Set.of("iss", "sub", "exp", "rooms"),
                null));
        this.processor = Optional.of(jwt);
    }

    /** Whether this token claims to be a service token; only then is it checked here. */
    boolean claimsToBeOne(JWTClaimsSet unverified) {
        return processor.isPresent() && settings.issuer().equals(unverified.getIssuer());
    }

    ApiCaller.Service validate(SignedJWT token) {
        JWTClaimsSet claims;
        try {
            claims = processor.orElseThrow(() -> new AuthenticationFailed("service tokens are disabled"))
                    .process(token, null);
        } catch (AuthenticationFailed e) {
            throw e;
        } catch (Exception e) {
            throw new AuthenticationFailed("the service token is not valid", e);
        }
        List<String> rooms;
        try {
            rooms = claims.getStringListClaim("rooms");
        } catch (java.text.ParseException e) {
            throw new AuthenticationFailed("the service token's 'rooms' claim must be an array of room names");
        }
        if (rooms == null || claims.getSubject().isBlank()) {
            throw new AuthenticationFailed("the service token needs a 'sub' (service name) and 'rooms'");
        }
        return new ApiCaller.Service(claims.getSubject(), Set.copyOf(rooms));
    }
}

package org.parley.http.auth;

import com.nimbusds.jwt.JWTClaimsSet;
import java.util.Collection;
import java.util.List;

/** Turns the claims of a verified ID or access token into an {@link Identity}, as configured. */
final class ClaimMapping {

    /** Display names go into cookies and every roster: keep them bounded. */
    private static final int MAX_DISPLAY_NAME = 100;

    private final AuthSettings.Oidc settings;

    ClaimMapping(AuthSettings.Oidc settings) {
        this.settings = settings;
    }

    Identity identity(JWTClaimsSet claims) {
        String userId = text(claims.getClaim(settings.userIdClaim()));
        if (userId.isEmpty()) {
            throw new AuthenticationFailed("the token has no '" + settings.userIdClaim() + "' claim to identify the user");
        }
        String displayName = "";
        for (String claim : List.of(settings.displayNameClaim(), "preferred_username", "email")) {
            displayName = text(claims.getClaim(claim));
            if (!displayName.isEmpty()) {
                break;
            }
        }
        if (displayName.isEmpty()) {
            displayName = userId;
        }
        if (displayName.length() > MAX_DISPLAY_NAME) {
            displayName = displayName.substring(0, MAX_DISPLAY_NAME);
        }
        return Identity.signedIn(userId, displayName, isMember(claims));
    }

    private boolean isMember(JWTClaimsSet claims) {
        if (settings.memberClaim().isEmpty()) {
            return true;
        }
        Object value = claims.getClaim(settings.memberClaim());
        String wanted = settings.memberValue();
        if (value instanceof Collection<?> values) {
            return wanted.isEmpty() ? !values.isEmpty() : values.stream().anyMatch(v -> wanted.equals(text(v)));
        }
        if (value instanceof Boolean flag) {
            return wanted.isEmpty() ? flag : wanted.equals(flag.toString());
        }
        String single = text(value);
        return wanted.isEmpty() ? !single.isEmpty() : wanted.equals(single);
    }

    private static String text(Object claim) {
        if (claim instanceof String s) {
            return s.strip();
        }
        if (claim instanceof Number n) {
            return n.toString();
        }
        return "";
    }
}

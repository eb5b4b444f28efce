package org.parley.http.auth;

import java.util.Objects;
import java.util.UUID;

/**
 * Who is on the other end of a request. {@code subject} is stable: {@code oidc:<user id claim>} for a
 * signed-in person, {@code guest:<uuid>} for a guest (the same for as long as the browser keeps its
 * guest cookie). A {@code member} is signed in and passes the configured member-claim check; only
 * members may start a conference.
 */
public record Identity(String subject, String displayName, boolean signedIn, boolean member) {

    public static final String OIDC_PREFIX = "oidc:";
    public static final String GUEST_PREFIX = "guest:";

    public Identity {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(displayName, "displayName");
        if (member && !signedIn) {
            throw new IllegalArgumentException("a member is always signed in");
        }
    }

    /** A guest known by the id in its browser's guest cookie. */
    public static Identity guest(String id) {
        return new Identity(GUEST_PREFIX + id, "", false, false);
    }

    /** A guest nobody has seen before: a connection without any cookie. */
    public static Identity freshGuest() {
        return guest(UUID.randomUUID().toString());
    }

    /** A person the identity provider vouched for; {@code userId} is the configured user-id claim's value. */
    public static Identity signedIn(String userId, String displayName, boolean member) {
        return new Identity(OIDC_PREFIX + userId, displayName, true, member);
    }

    public boolean isGuest() {
        return !signedIn;
    }
}

package org.parley.http.auth;

/**
 * A credential was refused. The message is safe to show to the client (it names what was wrong,
 * never a key or a token); the cause, if any, is for the log.
 */
public final class AuthenticationFailed extends RuntimeException {

    public AuthenticationFailed(String message) {
        super(message);
    }

    public AuthenticationFailed(String message, Throwable cause) {
        super(message, cause);
    }
}

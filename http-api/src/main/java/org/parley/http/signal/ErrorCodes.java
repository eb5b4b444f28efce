package org.parley.http.signal;

/** The stable error codes of signalling v1 (see signal.proto's Error). */
public final class ErrorCodes {

    public static final String BAD_REQUEST = "BAD_REQUEST";
    public static final String UNKNOWN_MESSAGE = "UNKNOWN_MESSAGE";
    public static final String TOO_LARGE = "TOO_LARGE";
    public static final String NOT_JOINED = "NOT_JOINED";
    public static final String ALREADY_JOINED = "ALREADY_JOINED";
    public static final String TERMS_NOT_ACCEPTED = "TERMS_NOT_ACCEPTED";
    public static final String REFUSED = "REFUSED";
    public static final String RESUME_FAILED = "RESUME_FAILED";
    public static final String UNAVAILABLE = "UNAVAILABLE";
    public static final String INTERNAL = "INTERNAL";
    public static final String FORBIDDEN = "FORBIDDEN";
    public static final String BANNED = "BANNED";
    public static final String PASSWORD_REQUIRED = "PASSWORD_REQUIRED";
    public static final String WRONG_PASSWORD = "WRONG_PASSWORD";
    public static final String TOO_MANY_ATTEMPTS = "TOO_MANY_ATTEMPTS";
    public static final String REJECTED = "REJECTED";
    public static final String UNKNOWN_KNOCK = "UNKNOWN_KNOCK";
    public static final String RATE_LIMITED = "RATE_LIMITED";

    private ErrorCodes() {}
}

package org.parley.engine.conference;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A room password as it is kept: PBKDF2-HMAC-SHA256 with a random salt, never the password itself.
 * Deliberately slow (tens of milliseconds), so hashing and checking happen off the actors' threads.
 * {@link #toString()} hides the digest so it never reaches a log line.
 */
public record PasswordHash(int iterations, String salt, String digest) {

    public static final int ITERATIONS = 120_000;
    public static final int MAX_PASSWORD_LENGTH = 128;
    private static final int SALT_BYTES = 16;
    private static final int DIGEST_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    public PasswordHash {
        if (iterations < 1 || salt.isEmpty() || digest.isEmpty()) {
            throw new IllegalArgumentException("a password hash has iterations, a salt and a digest");
        }
    }

    /** @throws IllegalArgumentException for a blank or over-long password */
    public static PasswordHash of(String password) {
        if (password == null || password.isBlank() || password.length() > MAX_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("a room password is 1 to " + MAX_PASSWORD_LENGTH + " characters");
        }
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return new PasswordHash(ITERATIONS, encode(salt), encode(derive(password, salt, ITERATIONS)));
    }

    /** Constant-time comparison: the time taken says nothing about how close a guess was. */
    public boolean matches(String attempt) {
        if (attempt == null || attempt.isEmpty() || attempt.length() > MAX_PASSWORD_LENGTH) {
            return false;
        }
        byte[] expected = Base64.getDecoder().decode(digest);
        byte[] actual = derive(attempt, Base64.getDecoder().decode(salt), iterations);
        return MessageDigest.isEqual(expected, actual);
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, DIGEST_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every Java 17 runtime", e);
        } finally {
            spec.clearPassword();
        }
    }

    private static String encode(byte[] bytes) {
        return Base64.getEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "PasswordHash[PBKDF2-HMAC-SHA256, " + iterations + " iterations]";
    }
}

package org.parley.engine.conference;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHashTest {

    private static final PasswordHash HASH = PasswordHash.of("correct horse");

    @Test
    void theRightPasswordMatchesAndOthersDoNot() {
        assertTrue(HASH.matches("correct horse"));
        assertFalse(HASH.matches("Correct horse"));
        assertFalse(HASH.matches(""));
        assertFalse(HASH.matches(null));
        assertFalse(HASH.matches("x".repeat(10_000)));
    }

    @Test
    void theSamePasswordHashesDifferentlyEachTimeAndNeverShowsItself() {
        PasswordHash again = PasswordHash.of("correct horse");

        assertNotEquals(HASH, again);
        assertFalse(HASH.toString().contains(HASH.digest()));
        assertFalse(HASH.digest().contains("correct"));
    }

    @Test
    void blankOrOverlongPasswordsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> PasswordHash.of("   "));
        assertThrows(IllegalArgumentException.class, () -> PasswordHash.of("x".repeat(129)));
    }
}

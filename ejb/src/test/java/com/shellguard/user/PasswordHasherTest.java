package com.shellguard.user;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    @Test
    void theRightPasswordMatchesItsHash() {
        String hash = PasswordHasher.hash("correct horse battery");
        assertTrue(PasswordHasher.matches("correct horse battery", hash));
    }

    @Test
    void aWrongPasswordDoesNotMatch() {
        String hash = PasswordHasher.hash("correct horse battery");
        assertFalse(PasswordHasher.matches("correct horse batterY", hash));
        assertFalse(PasswordHasher.matches("", hash));
    }

    @Test
    void theSamePasswordHashesDifferentlyEachTimeBecauseOfTheSalt() {
        assertNotEquals(PasswordHasher.hash("same"), PasswordHasher.hash("same"));
    }

    @Test
    void theHashNamesItsSchemeAndCostSoTheCostCanBeRaisedLater() {
        String hash = PasswordHasher.hash("x");
        assertTrue(hash.startsWith("pbkdf2-sha256$" + PasswordHasher.ITERATIONS + "$"), hash);
    }

    @Test
    void garbageInTheStoreNeverMatches() {
        assertFalse(PasswordHasher.matches("x", "plaintext"));
        assertFalse(PasswordHasher.matches("x", "pbkdf2-sha256$abc$def$ghi"));
        assertFalse(PasswordHasher.matches("x", null));
    }
}

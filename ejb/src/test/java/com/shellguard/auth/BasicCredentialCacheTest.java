package com.shellguard.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BasicCredentialCacheTest {

    private final BasicCredentialCache cache = new BasicCredentialCache();

    @Test
    void aCredentialJustVerifiedIsRecognised() {
        cache.remember("alice", "s3cret-pass", "ADMIN/hash1");
        assertTrue(cache.recentlyVerified("alice", "s3cret-pass", "ADMIN/hash1"));
    }

    @Test
    void anotherPasswordOrUserIsNotRecognised() {
        cache.remember("alice", "s3cret-pass", "ADMIN/hash1");
        assertFalse(cache.recentlyVerified("alice", "s3cret-pasS", "ADMIN/hash1"));
        assertFalse(cache.recentlyVerified("bob", "s3cret-pass", "ADMIN/hash1"));
    }

    @Test
    void aChangedPasswordOrRoleVoidsTheEntry() {
        cache.remember("alice", "s3cret-pass", "ADMIN/hash1");
        assertFalse(cache.recentlyVerified("alice", "s3cret-pass", "ADMIN/hash2"));
        assertFalse(cache.recentlyVerified("alice", "s3cret-pass", "AUDITOR/hash1"));
    }

    @Test
    void theUserPasswordBoundaryCannotBeShiftedToForgeAnEntry() {
        cache.remember("ali", "ce:pw", "USER/h");
        assertFalse(cache.recentlyVerified("alice", ":pw", "USER/h"));
    }
}

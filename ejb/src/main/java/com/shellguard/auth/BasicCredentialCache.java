package com.shellguard.auth;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers for a minute that a password was right, so an API client sending the same Basic header on
 * every request does not pay the deliberately slow password hash each time ({@link PasswordLogin} asks it
 * for every door; only a right password is remembered, so guessing is as slow as ever). A changed password or role
 * voids the entry at once. Entries are keyed by a keyed hash of user and password (the key is random per
 * process), so the cache holds no password.
 */
@ApplicationScoped
public class BasicCredentialCache {

    private static final Duration TTL = Duration.ofSeconds(60);
    private static final int MAX_ENTRIES = 10_000;

    private final byte[] pepper = new byte[32];
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    private record Entry(String accountStamp, long expiresAt) {
    }

    public BasicCredentialCache() {
        new SecureRandom().nextBytes(pepper);
    }

    /** {@code accountStamp} changes whenever the account's password or role does, which voids the entry. */
    boolean recentlyVerified(String user, String password, String accountStamp) {
        Entry entry = entries.get(key(user, password));
        return entry != null && entry.expiresAt() - System.nanoTime() > 0 && entry.accountStamp().equals(accountStamp);
    }

    void remember(String user, String password, String accountStamp) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(key(user, password), new Entry(accountStamp, System.nanoTime() + TTL.toNanos()));
    }

    private String key(String user, String password) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(pepper);
            digest.update(user.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(password.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

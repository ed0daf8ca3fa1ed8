package com.shellguard.console;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Console sign-ons under way: sent to the provider, not back yet. Each is found by its {@code state} (random, 256
 * bits) and belongs to the browser holding its binding cookie, so a code another browser obtained cannot be injected
 * into this one (login CSRF). Kept in this node's memory for ten minutes and taken once; at most 10,000 at a time.
 */
@ApplicationScoped
public class PendingSignOns {

    static final Duration VALID = Duration.ofMinutes(10);
    private static final int MAX = 10_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    record Pending(String binding, String nonce, String codeVerifier, URI redirectUri, Instant expires) {
    }

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Keeps a new sign-on; false when too many are under way. */
    boolean add(String state, Pending sign) {
        Instant now = Instant.now();
        pending.values().removeIf(p -> p.expires().isBefore(now));
        if (pending.size() >= MAX) {
            return false;
        }
        pending.put(state, sign);
        return true;
    }

    /** The sign-on of this state, once, if it has not expired. */
    Pending take(String state) {
        Pending found = state == null ? null : pending.remove(state);
        return found == null || found.expires().isBefore(Instant.now()) ? null : found;
    }
}

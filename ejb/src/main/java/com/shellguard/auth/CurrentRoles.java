package com.shellguard.auth;

import com.shellguard.user.Role;
import com.shellguard.user.UserRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The role an account holds now, for sessions that keep the role their login gave them (the console's): a session
 * asks on each request, so a disabled or demoted account loses it at its next request. The answer is read from the
 * database, so a change made through another node counts too, and kept for a second, so a page that loads many
 * resources costs one query.
 */
@ApplicationScoped
public class CurrentRoles {

    private static final Duration FRESH = Duration.ofSeconds(1);
    private static final int MAX_ENTRIES = 10_000;

    @Inject
    UserRepository users;

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    private record Entry(Optional<Role> role, long readAt) {
    }

    /** The role of the account if it exists and is enabled; empty otherwise. */
    public Optional<Role> of(String username) {
        long now = System.nanoTime();
        Entry entry = entries.get(username);
        if (entry == null || now - entry.readAt() > FRESH.toNanos()) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entry = new Entry(users.enabledRole(username), now);
            entries.put(username, entry);
        }
        return entry.role();
    }
}

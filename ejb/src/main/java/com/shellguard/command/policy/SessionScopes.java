package com.shellguard.command.policy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The scope of each session open on this node, and the rules it is subject to at the current policy version:
 * given when the session opens, loaded from its audit row on first use otherwise (kept only while the
 * session is open), dropped when it ends. Groups and labels are those of the session's start.
 */
@ApplicationScoped
public class SessionScopes {

    /** A bound in case ends go missing (a connector that died): past it the map starts over and refills on use. */
    private static final int MAX_SESSIONS = 100_000;

    @Inject
    PolicyLoader loader;

    private final ConcurrentHashMap<String, Entry> sessions = new ConcurrentHashMap<>();

    private static final class Entry {
        final SessionScope scope;
        volatile SessionPolicy policy;

        Entry(SessionScope scope) {
            this.scope = scope;
        }

        SessionPolicy policy(CommandPolicy whole) {
            SessionPolicy held = policy;
            if (held == null || held.version() != whole.version()) {
                held = whole.forSession(scope);
                policy = held;
            }
            return held;
        }
    }

    public void opened(String sessionId, SessionScope scope) {
        remember(sessionId, new Entry(scope));
    }

    public void ended(String sessionId) {
        sessions.remove(sessionId);
    }

    /** The sessions open on this node, as far as their starts and ends have reached the application. */
    public Set<String> openSessionIds() {
        return Set.copyOf(sessions.keySet());
    }

    public Optional<SessionScope> scope(String sessionId) {
        return entry(sessionId).map(e -> e.scope);
    }

    /** The session's part of {@code policy}, computed once per session and policy version. */
    public Optional<SessionPolicy> policy(String sessionId, CommandPolicy policy) {
        return entry(sessionId).map(e -> e.policy(policy));
    }

    private Optional<Entry> entry(String sessionId) {
        Entry held = sessionId == null ? null : sessions.get(sessionId);
        if (held != null) {
            return Optional.of(held);
        }
        return loader.session(sessionId).map(stored -> {
            Entry loaded = new Entry(stored.scope());
            if (stored.open()) {
                remember(sessionId, loaded);
            }
            return loaded;
        });
    }

    private void remember(String sessionId, Entry entry) {
        if (sessions.size() >= MAX_SESSIONS) {
            sessions.clear();
        }
        sessions.put(sessionId, entry);
    }
}

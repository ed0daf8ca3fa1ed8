package com.shellguard.audit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The session audit in a map, for tests of services that read and update sessions; authentication events are dropped. */
public final class InMemoryAuditRepository implements AuditRepository {

    private final Map<String, SessionRecord> sessions = new HashMap<>();

    @Override
    public void add(SessionRecord session) {
        sessions.put(session.getId(), session);
    }

    @Override
    public void add(AuthEvent event) {
    }

    @Override
    public Optional<SessionRecord> session(String id) {
        return Optional.ofNullable(sessions.get(id));
    }

    @Override
    public List<SessionRecord> sessions(AuditQuery query) {
        return List.copyOf(sessions.values());
    }

    @Override
    public List<SessionRecord> openSessionsOf(String gatewayNode) {
        return List.of();
    }

    @Override
    public List<AuthEvent> authEvents(AuditQuery query) {
        return List.of();
    }
}

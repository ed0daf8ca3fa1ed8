package com.shellguard.audit;

import java.util.List;
import java.util.Optional;

public interface AuditRepository {

    void add(SessionRecord session);

    void add(AuthEvent event);

    Optional<SessionRecord> session(String id);

    List<SessionRecord> sessions(AuditQuery query);

    List<SessionRecord> openSessionsOf(String gatewayNode);

    List<AuthEvent> authEvents(AuditQuery query);
}

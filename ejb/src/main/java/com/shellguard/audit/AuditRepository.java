package com.shellguard.audit;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public interface AuditRepository {

    void add(SessionRecord session);

    void add(AuthEvent event);

    Optional<SessionRecord> session(String id);

    List<SessionRecord> sessions(AuditQuery query);

    List<SessionRecord> openSessionsOf(String gatewayNode);

    List<AuthEvent> authEvents(AuditQuery query);

    /** Failed logins from {@code from} (inclusive) to {@code to} (exclusive) per hour of the day (UTC); empty hours left out. */
    Map<Integer, Long> failedLoginsPerHour(OffsetDateTime from, OffsetDateTime to);
}

package com.shellguard.audit;

import java.time.OffsetDateTime;

/** Filters for reading the audit; null means "any". Newest first, {@code limit} rows from {@code offset}. */
public record AuditQuery(String user, Boolean success, Boolean active, OffsetDateTime from, OffsetDateTime to,
                         int limit, int offset) {

    public static final int MAX_LIMIT = 1000;

    public AuditQuery {
        limit = limit <= 0 ? 200 : Math.min(limit, MAX_LIMIT);
        offset = Math.max(offset, 0);
    }
}

package com.shellguard.audit;

import java.time.OffsetDateTime;

/**
 * Filters for reading the audit; null (or a blank user) means "any". Rows come newest first, {@code limit}
 * of them (0 means {@value #DEFAULT_LIMIT}, at most {@value #MAX_LIMIT}) from {@code offset}.
 */
public record AuditQuery(String user, Boolean success, Boolean active, OffsetDateTime from, OffsetDateTime to,
                         int limit, int offset) {

    public static final int DEFAULT_LIMIT = 200;
    public static final int MAX_LIMIT = 1000;

    public AuditQuery {
        user = user == null || user.isBlank() ? null : user;
        limit = limit <= 0 ? DEFAULT_LIMIT : Math.min(limit, MAX_LIMIT);
        offset = Math.max(offset, 0);
    }
}

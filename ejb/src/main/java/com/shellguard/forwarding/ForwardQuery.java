package com.shellguard.forwarding;

import com.shellguard.audit.AuditQuery;

/** Filters for the forward audit, on top of the common ones (user, time range, page); null or blank means "any". */
public record ForwardQuery(AuditQuery common, String session, String server, String kind, ForwardRecord.Result result) {

    public ForwardQuery {
        session = blankAsNull(session);
        server = blankAsNull(server);
        kind = blankAsNull(kind);
    }

    private static String blankAsNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}

package com.shellguard.command.audit;

import com.shellguard.audit.AuditQuery;

/** Filters for the alerts, on top of the common ones (user, time range, page); null or blank means "any". */
public record AlertQuery(AuditQuery common, String session, AlertKind kind, String server) {

    public AlertQuery {
        session = CommandQuery.blankAsNull(session);
        server = CommandQuery.blankAsNull(server);
    }

    public AlertQuery(AuditQuery common, String session, AlertKind kind) {
        this(common, session, kind, null);
    }
}

package com.shellguard.transfer;

import com.shellguard.audit.AuditQuery;

/** Filters for the file transfers, on top of the common ones (user, time range, page); null or blank means "any". */
public record TransferQuery(AuditQuery common, String server, String session) {

    public TransferQuery {
        server = server == null || server.isBlank() ? null : server;
        session = session == null || session.isBlank() ? null : session;
    }
}

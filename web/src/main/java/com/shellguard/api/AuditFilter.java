package com.shellguard.api;

import static com.shellguard.api.QueryParameters.count;
import static com.shellguard.api.QueryParameters.time;

import com.shellguard.audit.AuditQuery;
import jakarta.ws.rs.QueryParam;

/** The query parameters every audit listing takes: {@code user, from, to, limit, offset}. */
public class AuditFilter {

    @QueryParam("user")
    String user;

    @QueryParam("from")
    String from;

    @QueryParam("to")
    String to;

    @QueryParam("limit")
    String limit;

    @QueryParam("offset")
    String offset;

    /** The query these parameters ask for, with a listing's own success or active filter (null for any). */
    AuditQuery query(Boolean success, Boolean active) {
        return new AuditQuery(user, success, active, time("from", from), time("to", to),
                count("limit", limit), count("offset", offset));
    }
}

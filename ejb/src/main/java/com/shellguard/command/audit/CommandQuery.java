package com.shellguard.command.audit;

import com.shellguard.audit.AuditQuery;

/**
 * Filters for the command audit, on top of the common ones (user, time range, page); null or blank means
 * "any". {@code text} is searched, case-insensitively, in the command's text and in the line typed.
 */
public record CommandQuery(AuditQuery common, String session, String server, Verdict verdict, String text) {

    public CommandQuery {
        session = blankAsNull(session);
        server = blankAsNull(server);
        text = blankAsNull(text);
    }

    static String blankAsNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}

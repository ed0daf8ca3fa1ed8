package com.shellguard.adminaudit;

import com.shellguard.audit.AuditQuery;

/**
 * Filters for the admin audit on top of the common ones (the user who made the change, time range, page): the kind
 * of resource, the resource's name or id, the action; null or blank means any.
 */
public record AdminChangeQuery(AuditQuery common, String kind, String resource, String action) {

    public AdminChangeQuery {
        kind = blankAsNull(kind);
        resource = blankAsNull(resource);
        action = blankAsNull(action);
    }

    private static String blankAsNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}

package com.shellguard.export;

/**
 * What a destination of the outbox is for: {@code AUDIT}, the audit export's destinations (every audit event, named
 * and configured by an admin at {@code /audit-exports}); or a webhook of the gateway's own notices, one destination
 * each, configured where its feature is ({@link NoticeWebhooks}), never listed among the audit exports nor sent audit
 * events.
 */
public enum ExportPurpose {
    AUDIT(null),
    /** Each access-request step ({@code /settings/access-requests}). */
    ACCESS_REQUESTS("access-requests");

    private final String key;

    ExportPurpose(String key) {
        this.key = key;
    }

    /** The fixed id of the purpose's one destination row. */
    String destinationId() {
        return "notices:" + key;
    }

    /** Its name: parentheses, which an audit export's name cannot hold, so the two never clash. */
    String destinationName() {
        return "(" + key + ")";
    }
}

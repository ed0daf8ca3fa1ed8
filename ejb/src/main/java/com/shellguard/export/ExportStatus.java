package com.shellguard.export;

/**
 * A destination and how far behind it is: {@code pending} events not yet delivered, the oldest of them queued at
 * {@code oldestPendingAt} (epoch ms, null when none), so the lag is now minus that.
 */
public record ExportStatus(AuditExport export, long pending, Long oldestPendingAt) {

    /** Seconds the oldest undelivered event has waited; 0 when none waits. */
    public long lagSeconds(long now) {
        return oldestPendingAt == null ? 0 : Math.max(0, (now - oldestPendingAt) / 1000);
    }
}

package com.shellguard.metrics;

/**
 * How far the audit export is behind: implemented by the export feature as a CDI bean, read at each scrape as the
 * gauge {@code shellguard_export_lag_seconds}. Without such a bean the gauge is not registered (rather than a 0
 * that would read as "nothing waiting").
 */
public interface ExportLag {

    /** Seconds since the oldest audit event that some destination has not yet received was written; 0 when none waits. */
    long seconds();
}

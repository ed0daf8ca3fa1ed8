package com.shellguard.export;

import com.shellguard.metrics.ExportLag;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The metrics' export lag: the longest wait of an undelivered event over all destinations, read at each scrape. */
@ApplicationScoped
public class ExportLagGauge implements ExportLag {

    @Inject
    AuditExportService exports;

    @Override
    public long seconds() {
        long now = System.currentTimeMillis();
        return exports.list().stream().mapToLong(status -> status.lagSeconds(now)).max().orElse(0);
    }
}

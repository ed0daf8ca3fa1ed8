/**
 * Prometheus metrics of the gateway (MicroProfile Metrics, {@code application} scope): live sessions, logins by
 * outcome and method, command verdicts, the time of a command decision, relayed bytes, and the audit export's lag
 * from the export feature's {@link com.shellguard.metrics.ExportLag} ({@code export.ExportLagGauge}).
 * <p>
 * Limits: every number is this node's since its start (a cluster is summed by the scraper); relayed bytes are
 * counted when a session or forwarded connection ends, so a long session shows its bytes only then; the
 * decision timer covers the commands the hook asks about (most are allowed by the hook locally and never asked).
 */
package com.shellguard.metrics;

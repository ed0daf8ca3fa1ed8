package com.shellguard.export;

/** A new destination and its webhook secret, which is shown this once (null for syslog). */
public record CreatedExport(ExportStatus export, String secret) {
}

package com.shellguard.export;

/** Where an export sends events: a syslog receiver (RFC 5424 over TCP or TLS) or an HTTP(S) webhook. */
public enum ExportKind {
    SYSLOG, WEBHOOK
}

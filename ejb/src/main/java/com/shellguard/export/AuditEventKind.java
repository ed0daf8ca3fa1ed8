package com.shellguard.export;

/** What an exported audit event is about; {@link #wire()} is its {@code type} in JSON and its MSGID in syslog. */
public enum AuditEventKind {
    AUTH("auth"),
    SESSION_START("session.start"),
    SESSION_END("session.end"),
    COMMAND("command"),
    ALERT("alert"),
    TRANSFER("transfer"),
    FORWARD("forward"),
    ADMIN("admin");

    private final String wire;

    AuditEventKind(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}

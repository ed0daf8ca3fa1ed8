package com.shellguard.command.audit;

import com.shellguard.connector.api.CommandVerdict;

/** What became of a command, as the audit shows it: a command that ran with an alert is ALERTED. */
public enum Verdict {
    ALLOWED, BLOCKED, ALERTED, TERMINATED;

    /** A report without a verdict ran: the hook let it run without asking. */
    public static Verdict of(CommandVerdict verdict) {
        if (verdict == null) {
            return ALLOWED;
        }
        return switch (verdict.action()) {
            case ALLOW -> verdict.alert() ? ALERTED : ALLOWED;
            case BLOCK -> BLOCKED;
            case TERMINATE -> TERMINATED;
        };
    }
}

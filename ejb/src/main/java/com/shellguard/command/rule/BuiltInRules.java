package com.shellguard.command.rule;

import java.util.Set;

/**
 * The rule names a verdict carries when the gateway decided by itself rather than by a stored rule. No
 * stored rule may take one of them: the audit and the alerts tell the two apart by name.
 */
public final class BuiltInRules {

    /** Tampering with the hook was blocked, before any rule was looked at. */
    public static final String TAMPER_PROTECTION = "tamper-protection";

    /** A program no ALLOW rule matched, on a server in allowlist mode. */
    public static final String DEFAULT_ALLOWLIST = "default: allowlist";

    /** A command of a session the gateway has no record of. */
    public static final String UNKNOWN_SESSION = "unknown-session";

    /** Commands scheduled to run later (crontab, at, batch) whose payload the gateway cannot read, while rules apply. */
    public static final String UNSEEN_SCHEDULE = "unseen-schedule";

    private static final Set<String> ALL = Set.of(TAMPER_PROTECTION, DEFAULT_ALLOWLIST, UNKNOWN_SESSION, UNSEEN_SCHEDULE);

    private BuiltInRules() {
    }

    public static boolean isBuiltIn(String name) {
        return ALL.contains(name);
    }
}

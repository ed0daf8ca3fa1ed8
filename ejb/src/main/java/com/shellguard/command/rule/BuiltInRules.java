package com.shellguard.command.rule;

import com.shellguard.connector.api.ArgvCut;
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

    /**
     * A program start whose command line the exec guard or the supervisor could send only in part ({@link ArgvCut}),
     * while a rule could concern the part left out.
     */
    public static final String COMMAND_TOO_LONG = ArgvCut.RULE;

    private static final Set<String> ALL = Set.of(TAMPER_PROTECTION, DEFAULT_ALLOWLIST, UNKNOWN_SESSION, UNSEEN_SCHEDULE,
            COMMAND_TOO_LONG);

    private BuiltInRules() {
    }

    public static boolean isBuiltIn(String name) {
        return ALL.contains(name);
    }
}

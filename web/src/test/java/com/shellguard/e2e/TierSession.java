package com.shellguard.e2e;

import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The tests of one tier of command control, typed in order into one hooked interactive session of their own: the
 * base of the {@code @Nested} SameAccountTier and PrivilegedTier of a test class that runs its tests once per tier.
 * The subclass opens the session (its class's person and target, {@link CommandControlTier#openHookedShell}) and
 * prepares it; this class does so before the tier's first test and closes it after the last, also when preparing
 * it failed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class TierSession {

    final CommandControlTier tier;
    ShellSession shell;
    String sessionId;

    TierSession(CommandControlTier tier) {
        this.tier = tier;
    }

    /** Opens this tier's session. */
    abstract HookedShell open() throws IOException;

    /** Readies the open session for the tier's first test (its row checked, its shell in the work directory). */
    abstract void prepare(HookedShell session) throws IOException;

    @BeforeAll
    void openTheTiersSession() throws IOException {
        HookedShell session = open();
        shell = session.shell();
        sessionId = session.id();
        prepare(session);
    }

    @AfterAll
    void closeTheTiersSession() {
        if (shell != null) {
            shell.close();
        }
    }
}

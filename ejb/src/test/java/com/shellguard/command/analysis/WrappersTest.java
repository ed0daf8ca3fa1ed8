package com.shellguard.command.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shellguard.connector.api.HookTables;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The analysis looks inside every program the hooks ask about for that reason (protocol.def's tables). */
class WrappersTest {

    @Test
    void everyProgramTheHooksTreatAsAWrapperIsLookedInside() {
        for (String name : HookTables.WRAPPER) {
            assertTrue(Wrappers.of(name).isPresent(), name);
        }
    }

    @Test
    void theShellsTheHooksAlwaysAskAboutAreTheShellsTheAnalysisKnows() {
        Set<String> known = Arrays.stream(ShellFamily.values()).flatMap(f -> f.names().stream()).collect(Collectors.toSet());
        assertEquals(HookTables.SHELL, known);
        for (String shell : HookTables.SHELL) {
            assertTrue(Wrappers.of(shell).isPresent(), shell);
        }
    }
}

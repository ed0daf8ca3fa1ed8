package com.shellguard.connector.adapter.hook;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shellguard.connector.api.CommandFacts;
import com.shellguard.connector.api.CommandFlags;
import com.shellguard.connector.api.CommandPolicySnapshot;
import com.shellguard.connector.api.Resolution;
import com.shellguard.connector.api.ShellRole;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleReachTest {

    private static final CommandPolicySnapshot RM = new CommandPolicySnapshot(3, false, false, List.of("rm"), List.of("/opt/*/bin/[a-c]*"));

    private static CommandFacts facts(Resolution resolution, String word, String path) {
        return new CommandFacts("1.1", 0, ShellRole.INTERACTIVE, CommandFlags.NONE, 0, "", 0, "", "/", resolution, word, path,
                path, List.of(), "", "", word, "bash", List.of());
    }

    @Test
    void aProgramARuleNamesIsDecidedAgain() {
        assertTrue(RuleReach.mayConcern(RM, facts(Resolution.FILE, "rm", "/usr/bin/rm")));
        assertTrue(RuleReach.mayConcern(RM, facts(Resolution.FILE, "./x", "/home/u/rm")));
    }

    @Test
    void aCommandRuleGlobNamesEveryProgramItMatches() {
        CommandPolicySnapshot globbed = new CommandPolicySnapshot(3, false, false, List.of("sh*"), List.of());
        assertTrue(RuleReach.mayConcern(globbed, facts(Resolution.FILE, "shutdown", "/usr/sbin/shutdown")));
        assertFalse(RuleReach.mayConcern(globbed, facts(Resolution.FILE, "ls", "/usr/bin/ls")));
    }

    @Test
    void aPathGlobMatchesAcrossSlashesAsTheHooksMatchIt() {
        assertTrue(RuleReach.mayConcern(RM, facts(Resolution.FILE, "bar", "/opt/a/b/bin/bar")));
        assertFalse(RuleReach.mayConcern(RM, facts(Resolution.FILE, "zed", "/opt/a/bin/zed")));
    }

    @Test
    void programsNoRuleConcernsAndBuiltinsAreTakenAsReported() {
        assertFalse(RuleReach.mayConcern(RM, facts(Resolution.FILE, "ls", "/usr/bin/ls")));
        assertFalse(RuleReach.mayConcern(RM, facts(Resolution.BUILTIN, "rm", "")));
    }

    @Test
    void anAllowlistOrLineRulesConcernEveryProgram() {
        CommandPolicySnapshot allowlist = new CommandPolicySnapshot(3, true, false, List.of(), List.of());
        assertTrue(RuleReach.mayConcern(allowlist, facts(Resolution.FILE, "ls", "/usr/bin/ls")));
        assertTrue(RuleReach.mayConcern(null, facts(Resolution.FILE, "ls", "/usr/bin/ls")));
    }
}

package com.shellguard.command.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.shellguard.command.rule.BuiltInRules;
import com.shellguard.command.rule.RuleAction;
import com.shellguard.command.rule.RuleMatch;
import com.shellguard.connector.api.CommandVerdict;
import com.shellguard.connector.api.CommandVerdict.Action;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LineTrialTest {

    private static final SessionScope ALICE_ON_WEB01 = new SessionScope("alice", Set.of("ops"), "web01", Set.of("prod"), "root");

    private static SessionPolicy policy(Set<String> allowlist, PolicyRule... rules) {
        return new CommandPolicy(3, List.of(rules), allowlist, Set.of()).forSession(ALICE_ON_WEB01);
    }

    private static PolicyRule rule(String name, RuleMatch match, String pattern, RuleAction action, int priority) {
        return PolicyRule.of(name, match, pattern, action, RuleScope.ANY, priority);
    }

    @Test
    void aProgramRunThroughAWrapperIsDecidedByItsOwnRule() {
        CommandVerdict verdict = LineTrial.decide(policy(Set.of(), rule("no-rm", RuleMatch.COMMAND, "rm", RuleAction.BLOCK, 100)),
                "sudo rm -rf /tmp/x");
        assertEquals(Action.BLOCK, verdict.action());
        assertEquals("no-rm", verdict.rule());
    }

    @Test
    void anArgumentThatNamesAProgramDoesNotMatchItsRule() {
        CommandVerdict verdict = LineTrial.decide(policy(Set.of(), rule("no-rm", RuleMatch.COMMAND, "rm", RuleAction.BLOCK, 100)),
                "echo rm");
        assertEquals(Action.ALLOW, verdict.action());
        assertNull(verdict.rule());
    }

    @Test
    void theFirstRuleByPriorityDecides() {
        CommandVerdict verdict = LineTrial.decide(policy(Set.of(),
                rule("block-ls", RuleMatch.COMMAND, "ls", RuleAction.BLOCK, 50),
                rule("allow-ls", RuleMatch.COMMAND, "ls", RuleAction.ALLOW, 10)), "ls -l");
        assertEquals(Action.ALLOW, verdict.action());
        assertEquals("allow-ls", verdict.rule());
    }

    @Test
    void anAllowlistServerBlocksProgramsButNotBuiltins() {
        SessionPolicy allowlist = policy(Set.of("prod"), rule("allow-ls", RuleMatch.COMMAND, "ls", RuleAction.ALLOW, 100));
        assertEquals(BuiltInRules.DEFAULT_ALLOWLIST, LineTrial.decide(allowlist, "make install").rule());
        assertEquals(Action.ALLOW, LineTrial.decide(allowlist, "cd /tmp").action());
        assertEquals(Action.ALLOW, LineTrial.decide(allowlist, "ls").action());
    }

    @Test
    void tamperingWithTheHookIsBlockedBeforeAnyRule() {
        CommandVerdict verdict = LineTrial.decide(policy(Set.of(), rule("allow-all", RuleMatch.LINE, ".", RuleAction.ALLOW, 1)),
                "trap - DEBUG");
        assertEquals(Action.BLOCK, verdict.action());
        assertEquals(BuiltInRules.TAMPER_PROTECTION, verdict.rule());
    }
}

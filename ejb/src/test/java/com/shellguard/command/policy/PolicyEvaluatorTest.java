package com.shellguard.command.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shellguard.command.analysis.CommandAnalysis;
import com.shellguard.command.analysis.Invocation;
import com.shellguard.command.model.Command;
import com.shellguard.command.model.CommandWord;
import com.shellguard.command.model.ListedWord;
import com.shellguard.command.model.Resolution;
import com.shellguard.command.model.RunningShell;
import com.shellguard.command.model.ShellRole;
import com.shellguard.command.rule.BuiltInRules;
import com.shellguard.command.rule.RuleAction;
import com.shellguard.command.rule.RuleMatch;
import com.shellguard.connector.api.CommandVerdict;
import com.shellguard.connector.api.CommandVerdict.Action;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PolicyEvaluatorTest {

    private static final SessionScope ALICE_ON_WEB01 = new SessionScope("alice", Set.of("ops"), "web01", Set.of("prod"), "root");

    private final List<PolicyRule> rules = new ArrayList<>();
    private final List<String> allowlistLabels = new ArrayList<>();

    private void rule(String name, RuleMatch match, String pattern, RuleAction action) {
        rule(name, match, pattern, action, RuleScope.ANY, 100);
    }

    private void rule(String name, RuleMatch match, String pattern, RuleAction action, RuleScope scope, int priority) {
        rules.add(PolicyRule.of(name, match, pattern, action, scope, priority));
    }

    private SessionPolicy policy() {
        return new CommandPolicy(7, rules, Set.copyOf(allowlistLabels), Set.of()).forSession(ALICE_ON_WEB01);
    }

    private static Command program(String word, String path, String text) {
        return command(word, Resolution.FILE, path, path, List.of(), text, List.of());
    }

    private static Command command(String word, Resolution resolution, String path, String canonical, List<String> sameAs,
                                   String text, List<ListedWord> listed) {
        return new Command("100.1", 1_700_000_000_000_000L, text, new CommandWord(word, resolution, path, canonical, sameAs),
                RunningShell.prompt("bash"), "100.5", "", listed, "", "");
    }

    private static CommandAnalysis itself(Command command) {
        return new CommandAnalysis(List.of(new Invocation(command.word().word(), List.of(), null)), Optional.empty());
    }

    private CommandVerdict decide(Command command) {
        return PolicyEvaluator.decide(policy(), command, itself(command));
    }

    private CommandVerdict decide(Command command, String... alsoRuns) {
        String word = command.word().word();
        List<Invocation> invocations = new ArrayList<>(List.of(new Invocation(word, List.of(), null)));
        for (String program : alsoRuns) {
            invocations.add(new Invocation(program, List.of(), word));
        }
        return PolicyEvaluator.decide(policy(), command, new CommandAnalysis(invocations, Optional.empty()));
    }

    @Test
    void aCommandNoRuleMatchesRunsWithoutARuleName() {
        rule("no-rm", RuleMatch.COMMAND, "rm", RuleAction.BLOCK);
        CommandVerdict verdict = decide(program("ls", "/usr/bin/ls", "ls -l"));
        assertEquals(Action.ALLOW, verdict.action());
        assertNull(verdict.rule());
        assertFalse(verdict.alert());
        assertEquals(7, verdict.policyVersion());
    }

    @Test
    void aBlockRuleForAProgramBlocksItByItsWordPathOrCanonicalName() {
        rule("no-vim", RuleMatch.COMMAND, "vim.basic", RuleAction.BLOCK);
        CommandVerdict verdict = decide(command("vi", Resolution.FILE, "/usr/bin/vi", "/usr/bin/vim.basic", List.of(), "vi /etc/hosts", List.of()));
        assertEquals(Action.BLOCK, verdict.action());
        assertEquals("no-vim", verdict.rule());
        assertTrue(verdict.reason().contains("no-vim"), verdict.reason());
        assertEquals(Action.BLOCK, decide(program("/usr/bin/vim.basic", "/usr/bin/vim.basic", "/usr/bin/vim.basic")).action());
    }

    @Test
    void aCopyOrLinkOfANamedProgramIsBlockedThroughTheHooksSameAsNames() {
        rule("no-rm", RuleMatch.COMMAND, "rm", RuleAction.BLOCK);
        Command renamed = command("x", Resolution.FILE, "/tmp/x", "/tmp/x", List.of("rm"), "/tmp/x -rf /", List.of());
        assertEquals(Action.BLOCK, decide(renamed).action());
    }

    @Test
    void aCommandMerelyMentioningAProgramDoesNotMatchItsRule() {
        rule("no-rm", RuleMatch.COMMAND, "rm", RuleAction.BLOCK);
        rule("no-shutdown", RuleMatch.COMMAND, "shutdown", RuleAction.TERMINATE);
        assertEquals(Action.ALLOW, decide(command("echo", Resolution.BUILTIN, "", "", List.of(), "echo rm", List.of())).action());
        assertEquals(Action.ALLOW, decide(program("grep", "/usr/bin/grep", "grep shutdown notes.txt")).action());
        assertEquals(Action.ALLOW, decide(program("man", "/usr/bin/man", "man rm")).action());
    }

    @Test
    void globsMatchProgramNamesAndPathGlobsMatchAcrossDirectories() {
        rule("no-mkfs", RuleMatch.COMMAND, "mkfs.*", RuleAction.BLOCK);
        rule("no-opt", RuleMatch.PATH, "/opt/*", RuleAction.BLOCK);
        assertEquals("no-mkfs", decide(program("mkfs.ext4", "/usr/sbin/mkfs.ext4", "mkfs.ext4 /dev/sdb")).rule());
        assertEquals(Action.ALLOW, decide(program("mkfs", "/usr/sbin/mkfs", "mkfs")).action());
        assertEquals("no-opt", decide(program("tool", "/opt/vendor/bin/tool", "tool")).rule());
        assertEquals(Action.ALLOW, decide(program("tool", "/usr/opt/tool", "tool")).action());
    }

    @Test
    void aPathRuleMatchesTheCanonicalPathBehindASymlink() {
        rule("no-opt", RuleMatch.PATH, "/opt/*", RuleAction.BLOCK);
        assertEquals("no-opt", decide(command("tool", Resolution.FILE, "/usr/local/bin/tool", "/opt/tool/bin/tool", List.of(), "tool", List.of())).rule());
    }

    @Test
    void aLineRuleSearchesTheCommandText() {
        rule("no-force-push", RuleMatch.LINE, "push\\s+.*--force", RuleAction.BLOCK);
        assertEquals(Action.BLOCK, decide(program("git", "/usr/bin/git", "git push origin --force")).action());
        assertEquals(Action.ALLOW, decide(program("git", "/usr/bin/git", "git push origin")).action());
    }

    @Test
    void aLineRuleAlsoSearchesTheCommandAsResolvedSoASymlinkUnderAnotherNameIsCaught() {
        rule("no-reboot", RuleMatch.LINE, "\\b(reboot|shutdown)\\b", RuleAction.TERMINATE);
        Command boot = command("./boot", Resolution.FILE, "/home/alice/boot", "/usr/sbin/reboot", List.of(), "./boot now", List.of());
        CommandAnalysis analysis = new CommandAnalysis(List.of(new Invocation("./boot", List.of("now"), null)), Optional.empty());
        assertEquals(Action.TERMINATE, PolicyEvaluator.decide(policy(), boot, analysis).action());
        rule("no-reboot-now", RuleMatch.LINE, "^reboot now$", RuleAction.BLOCK, RuleScope.ANY, 1);
        assertEquals("no-reboot-now", PolicyEvaluator.decide(policy(), boot, analysis).rule(), "the resolved name with the arguments");
        assertEquals(Action.ALLOW, decide(program("./boot", "/home/alice/boot", "./boot now")).action());
    }

    @Test
    void commandsScheduledFromInputTheGatewayCannotReadAreRefusedWhileRulesApply() {
        Command crontab = program("crontab", "/usr/bin/crontab", "crontab jobs.txt");
        CommandAnalysis analysis = new CommandAnalysis(List.of(new Invocation("crontab", List.of("jobs.txt"), null)), Optional.empty(),
                List.of("crontab jobs.txt"));
        assertEquals(Action.ALLOW, PolicyEvaluator.decide(policy(), crontab, analysis).action(), "no rules: nothing to judge it by");
        rule("no-rm", RuleMatch.COMMAND, "rm", RuleAction.BLOCK);
        CommandVerdict verdict = PolicyEvaluator.decide(policy(), crontab, analysis);
        assertEquals(Action.BLOCK, verdict.action());
        assertEquals(BuiltInRules.UNSEEN_SCHEDULE, verdict.rule());
        assertEquals(Action.ALLOW, decide(program("crontab", "/usr/bin/crontab", "crontab -l")).action());
    }

    @Test
    void theRuleWithTheLowestPriorityDecidesAndNamesBreakTies() {
        rule("block-rm", RuleMatch.COMMAND, "rm", RuleAction.BLOCK, RuleScope.ANY, 100);
        rule("ops-may-rm", RuleMatch.COMMAND, "rm", RuleAction.ALLOW, new RuleScope(Set.of(), Set.of("ops"), Set.of(), Set.of(), Set.of()), 10);
        CommandVerdict verdict = decide(program("rm", "/usr/bin/rm", "rm x"));
        assertEquals(Action.ALLOW, verdict.action());
        assertEquals("ops-may-rm", verdict.rule());

        rules.clear();
        rule("b-allow", RuleMatch.COMMAND, "rm", RuleAction.ALLOW);
        rule("a-block", RuleMatch.COMMAND, "rm", RuleAction.BLOCK);
        assertEquals("a-block", decide(program("rm", "/usr/bin/rm", "rm x")).rule());
    }

    @Test
    void rulesOutsideTheSessionsScopeDoNotApply() {
        RuleScope otherServer = new RuleScope(Set.of(), Set.of(), Set.of("db01"), Set.of(), Set.of());
        RuleScope otherUser = new RuleScope(Set.of("bob"), Set.of(), Set.of(), Set.of(), Set.of());
        RuleScope otherLabel = new RuleScope(Set.of(), Set.of(), Set.of(), Set.of("staging"), Set.of());
        RuleScope otherLogin = new RuleScope(Set.of(), Set.of(), Set.of(), Set.of(), Set.of("deploy"));
        RuleScope otherGroup = new RuleScope(Set.of(), Set.of("dev"), Set.of(), Set.of(), Set.of());
        for (RuleScope scope : List.of(otherServer, otherUser, otherLabel, otherLogin, otherGroup)) {
            rule("r" + rules.size(), RuleMatch.COMMAND, "rm", RuleAction.BLOCK, scope, 100);
        }
        assertEquals(Action.ALLOW, decide(program("rm", "/usr/bin/rm", "rm x")).action());

        rule("here", RuleMatch.COMMAND, "rm", RuleAction.BLOCK,
                new RuleScope(Set.of("alice"), Set.of("ops"), Set.of("web01"), Set.of("prod"), Set.of("root")), 100);
        assertEquals("here", decide(program("rm", "/usr/bin/rm", "rm x")).rule());
    }

    @Test
    void anAlertRuleLetsTheCommandRunWithAnAlert() {
        rule("watch-curl", RuleMatch.COMMAND, "curl", RuleAction.ALERT);
        CommandVerdict verdict = decide(program("curl", "/usr/bin/curl", "curl http://x"));
        assertEquals(Action.ALLOW, verdict.action());
        assertTrue(verdict.alert());
        assertEquals("watch-curl", verdict.rule());
    }

    @Test
    void anAlertRuleDoesNotStopTheDecidingRuleButStillAlerts() {
        rule("watch-rm", RuleMatch.COMMAND, "rm", RuleAction.ALERT, RuleScope.ANY, 1);
        rule("no-rm", RuleMatch.COMMAND, "rm", RuleAction.BLOCK, RuleScope.ANY, 100);
        CommandVerdict verdict = decide(program("rm", "/usr/bin/rm", "rm x"));
        assertEquals(Action.BLOCK, verdict.action());
        assertEquals("no-rm", verdict.rule());
        assertTrue(verdict.alert());
    }

    @Test
    void aTerminateRuleEndsTheSession() {
        rule("no-shutdown", RuleMatch.COMMAND, "shutdown", RuleAction.TERMINATE);
        CommandVerdict verdict = decide(program("shutdown", "/usr/sbin/shutdown", "shutdown -h now"));
        assertEquals(Action.TERMINATE, verdict.action());
        assertEquals("no-shutdown", verdict.rule());
    }

    @Test
    void anAllowlistBlocksProgramsNoAllowRuleNamesButNotBuiltins() {
        allowlistLabels.add("prod");
        rule("ls-ok", RuleMatch.COMMAND, "ls", RuleAction.ALLOW);
        assertEquals(Action.ALLOW, decide(program("ls", "/usr/bin/ls", "ls")).action());
        CommandVerdict cat = decide(program("cat", "/usr/bin/cat", "cat /etc/shadow"));
        assertEquals(Action.BLOCK, cat.action());
        assertEquals(BuiltInRules.DEFAULT_ALLOWLIST, cat.rule());
        assertEquals(Action.BLOCK, decide(command("nosuch", Resolution.MISSING, "", "", List.of(), "nosuch", List.of())).action());
        assertEquals(Action.BLOCK, decide(command("$cmd", Resolution.DYNAMIC, "", "", List.of(), "$cmd", List.of())).action());
        assertEquals(Action.ALLOW, decide(command("cd", Resolution.BUILTIN, "", "", List.of(), "cd /tmp", List.of())).action());
        assertEquals(Action.ALLOW, decide(command("if", Resolution.KEYWORD, "", "", List.of(), "if true", List.of())).action());
        assertEquals(Action.ALLOW, decide(command("myfn", Resolution.FUNCTION, "", "", List.of(), "myfn", List.of())).action());
    }

    @Test
    void aRuleNamingABuiltinAppliesToIt() {
        allowlistLabels.add("*");
        rule("no-eval", RuleMatch.COMMAND, "eval", RuleAction.BLOCK);
        assertEquals("no-eval", decide(command("eval", Resolution.BUILTIN, "", "", List.of(), "eval \"$x\"", List.of())).rule());
    }

    @Test
    void theEveryServerLabelPutsEveryServerOnTheAllowlistAndOtherLabelsDoNot() {
        allowlistLabels.add("staging");
        assertEquals(Action.ALLOW, decide(program("cat", "/usr/bin/cat", "cat")).action());
        allowlistLabels.add("*");
        assertEquals(Action.BLOCK, decide(program("cat", "/usr/bin/cat", "cat")).action());
    }

    @Test
    void tamperingIsBlockedWithAnAlertBeforeAnyRule() {
        rule("all-ok", RuleMatch.LINE, ".*", RuleAction.ALLOW, RuleScope.ANY, 0);
        Command unset = command("unset", Resolution.BUILTIN, "", "", List.of(), "unset -f __sg_debug", List.of());
        CommandVerdict verdict = PolicyEvaluator.decide(policy(), unset,
                new CommandAnalysis(List.of(new Invocation("unset", List.of("-f", "__sg_debug"), null)), Optional.of("unsets the hook")));
        assertEquals(Action.BLOCK, verdict.action());
        assertEquals(BuiltInRules.TAMPER_PROTECTION, verdict.rule());
        assertTrue(verdict.alert());
        assertTrue(verdict.reason().contains("unsets the hook"), verdict.reason());
    }

    @Test
    void anotherUsersInteractiveShellIsTamperInTheSameAccountTierAndRunsInThePrivilegedOne() {
        rule("no-rm", RuleMatch.COMMAND, "rm", RuleAction.BLOCK);
        Command sudo = program("sudo", "/usr/bin/sudo", "sudo -i");
        CommandAnalysis analysis = new CommandAnalysis(List.of(new Invocation("sudo", List.of("-i"), null)), Optional.empty(),
                List.of(), List.of("sudo -i: starts an interactive shell the hook does not follow"));
        CommandVerdict sameAccount = PolicyEvaluator.decide(policy(), sudo, analysis);
        assertEquals(Action.BLOCK, sameAccount.action());
        assertEquals(BuiltInRules.TAMPER_PROTECTION, sameAccount.rule());
        assertTrue(sameAccount.reason().contains("sudo -i: starts an interactive shell"), sameAccount.reason());
        SessionScope privileged = new SessionScope("alice", Set.of("ops"), "web01", Set.of("prod"), "deploy", true);
        SessionPolicy followedByRoot = new CommandPolicy(7, rules, Set.of(), Set.of()).forSession(privileged);
        assertEquals(Action.ALLOW, PolicyEvaluator.decide(followedByRoot, sudo, analysis).action());
    }

    @Test
    void aProgramRunThroughAnotherIsDecidedOnItsOwnAndTheStrictestDecisionWins() {
        rule("sudo-ok", RuleMatch.COMMAND, "sudo", RuleAction.ALLOW, RuleScope.ANY, 10);
        rule("no-rm", RuleMatch.COMMAND, "rm", RuleAction.BLOCK, RuleScope.ANY, 100);
        CommandVerdict verdict = decide(program("sudo", "/usr/bin/sudo", "sudo rm -rf /"), "rm");
        assertEquals(Action.BLOCK, verdict.action());
        assertEquals("no-rm", verdict.rule());
        assertEquals("no-rm", decide(program("xargs", "/usr/bin/xargs", "xargs /bin/rm"), "/bin/rm").rule());
    }

    @Test
    void onAnAllowlistEveryProgramACommandRunsNeedsAnAllowRule() {
        allowlistLabels.add("prod");
        rule("sudo-ok", RuleMatch.COMMAND, "sudo", RuleAction.ALLOW);
        assertEquals(Action.BLOCK, decide(program("sudo", "/usr/bin/sudo", "sudo cat x"), "cat").action());
        assertEquals(Action.ALLOW, decide(program("sudo", "/usr/bin/sudo", "sudo cd /"), "cd").action());
    }

    @Test
    void furtherCommandWordsZshReportsAreDecidedLikeTheCommand() {
        rule("no-rm", RuleMatch.COMMAND, "rm", RuleAction.BLOCK);
        Command list = command("ls", Resolution.FILE, "/usr/bin/ls", "/usr/bin/ls", List.of(), "ls; rm -rf x",
                List.of(new ListedWord("rm", "/usr/bin/rm")));
        assertEquals("no-rm", decide(list).rule());
    }

    @Test
    void theSnapshotListsWhatTheHookMustAskAbout() {
        allowlistLabels.add("prod");
        rule("no-rm", RuleMatch.COMMAND, "rm", RuleAction.BLOCK);
        rule("no-mkfs", RuleMatch.COMMAND, "mkfs.*", RuleAction.BLOCK);
        rule("no-rm-2", RuleMatch.COMMAND, "rm", RuleAction.TERMINATE, RuleScope.ANY, 5);
        rule("no-opt", RuleMatch.PATH, "/opt/*", RuleAction.ALERT);
        rule("elsewhere", RuleMatch.COMMAND, "dd", RuleAction.BLOCK, new RuleScope(Set.of("bob"), Set.of(), Set.of(), Set.of(), Set.of()), 1);
        var snapshot = policy().snapshot();
        assertEquals(7, snapshot.version());
        assertTrue(snapshot.allowlist());
        assertFalse(snapshot.lineRules());
        assertEquals(List.of("mkfs.*", "rm"), snapshot.programNames());
        assertEquals(List.of("/opt/*"), snapshot.pathGlobs());

        rule("lines", RuleMatch.LINE, "x", RuleAction.ALERT);
        assertTrue(policy().snapshot().lineRules());
    }

    /** 70,000 characters of arguments: more than the supervisor once sent of a start (64 KiB, cut without a word). */
    private static final String PADDING = ("p".repeat(99) + " ").repeat(700);
    private static final String SUPERVISOR_CUT = "[cut by the supervisor: 20002 arguments, 1300000 bytes in all]";

    /** A program start the supervisor (or the exec guard) saw. */
    private static Command started(ShellRole role, String word, String path, String text) {
        return new Command("4242.s1", 1_700_000_000_000_000L, text, new CommandWord(word, Resolution.FILE, path, path, List.of()),
                new RunningShell(role == ShellRole.GUARD ? "guard" : "supervisor", role, Set.of(), 0, "", 0, "execve", "/tmp"),
                "", "", List.of(), "", "4000 /usr/bin/bash", "1000");
    }

    @Test
    void aLineRuleJudgesAProgramStartOnItsWholeCommandLine() {
        rule("no-secret", RuleMatch.LINE, "\\bsg-secret\\b", RuleAction.BLOCK);
        Command padded = started(ShellRole.SUPERVISOR, "/bin/echo", "/usr/bin/echo", "/bin/echo " + PADDING + "sg-secret");
        assertEquals("no-secret", decide(padded).rule());
        assertEquals(Action.ALLOW, decide(started(ShellRole.SUPERVISOR, "/bin/echo", "/usr/bin/echo", "/bin/echo " + PADDING)).action());
    }

    @Test
    void aStartSentOnlyInPartIsRefusedWhileALineRuleCouldConcernThePartLeftOut() {
        rule("no-secret", RuleMatch.LINE, "sg-secret", RuleAction.BLOCK);
        for (ShellRole role : List.of(ShellRole.SUPERVISOR, ShellRole.GUARD)) {
            String mark = role == ShellRole.GUARD ? SUPERVISOR_CUT.replace("the supervisor", "the exec guard") : SUPERVISOR_CUT;
            CommandVerdict verdict = decide(started(role, "/bin/echo", "/usr/bin/echo", "/bin/echo " + PADDING + mark));
            assertEquals(Action.BLOCK, verdict.action(), role.name());
            assertEquals(BuiltInRules.COMMAND_TOO_LONG, verdict.rule());
            assertTrue(verdict.reason().contains("20002 arguments, 1300000 bytes in all") && verdict.reason().contains("no-secret"),
                    verdict.reason());
        }
        rule("alert-on-secret", RuleMatch.LINE, "sg-secret", RuleAction.ALERT);
        rules.removeIf(r -> r.name().equals("no-secret"));
        assertEquals(BuiltInRules.COMMAND_TOO_LONG, decide(started(ShellRole.SUPERVISOR, "/bin/echo", "/usr/bin/echo",
                "/bin/echo " + SUPERVISOR_CUT)).rule(), "an alert rule must see it all too");
    }

    @Test
    void aCutStartOfAProgramThatRunsWhatItsArgumentsNameIsRefusedWhereAnyRuleApplies() {
        rule("no-rm", RuleMatch.COMMAND, "rm", RuleAction.BLOCK);
        assertEquals(BuiltInRules.COMMAND_TOO_LONG, decide(started(ShellRole.SUPERVISOR, "xargs", "/usr/bin/xargs",
                "xargs " + PADDING + SUPERVISOR_CUT)).rule());
        assertEquals(BuiltInRules.COMMAND_TOO_LONG, decide(started(ShellRole.GUARD, "/bin/sh", "/usr/bin/dash",
                "sh -c " + SUPERVISOR_CUT.replace("the supervisor", "the exec guard"))).rule());
        assertEquals(Action.ALLOW, decide(started(ShellRole.SUPERVISOR, "/bin/echo", "/usr/bin/echo",
                "/bin/echo " + PADDING + SUPERVISOR_CUT)).action(), "no rule concerns what echo's arguments hold");
        assertEquals("no-rm", decide(started(ShellRole.SUPERVISOR, "rm", "/usr/bin/rm", "rm " + PADDING + SUPERVISOR_CUT)).rule(),
                "a rule on the program itself judges it as usual");
    }

    @Test
    void withoutRulesACutStartRuns() {
        assertEquals(Action.ALLOW, decide(started(ShellRole.SUPERVISOR, "xargs", "/usr/bin/xargs", "xargs " + SUPERVISOR_CUT)).action());
    }

    @Test
    void aStricterRuleStillDecidesACutStart() {
        rule("no-secret", RuleMatch.LINE, "sg-secret", RuleAction.BLOCK);
        rule("end-on-shutdown", RuleMatch.COMMAND, "shutdown", RuleAction.TERMINATE);
        CommandVerdict verdict = decide(started(ShellRole.SUPERVISOR, "shutdown", "/usr/sbin/shutdown", "shutdown " + SUPERVISOR_CUT));
        assertEquals(Action.TERMINATE, verdict.action());
        assertEquals("end-on-shutdown", verdict.rule());
    }

    @Test
    void onlyAProgramStartsTextIsTakenForCut() {
        rule("no-secret", RuleMatch.LINE, "sg-secret", RuleAction.BLOCK);
        Command typed = command("echo", Resolution.BUILTIN, "", "", List.of(), "echo " + SUPERVISOR_CUT, List.of());
        assertEquals(Action.ALLOW, decide(typed).action(), "a shell's command is the user's own words, whatever they say");
        Command quoted = started(ShellRole.SUPERVISOR, "/bin/echo", "/usr/bin/echo", "/bin/echo '" + SUPERVISOR_CUT + "'");
        assertEquals(Action.ALLOW, decide(quoted).action(), "an argument that reads like the mark is quoted");
    }
}

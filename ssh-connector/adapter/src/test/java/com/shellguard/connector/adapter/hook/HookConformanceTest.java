package com.shellguard.connector.adapter.hook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.shellguard.connector.api.ArgvCut;
import com.shellguard.connector.api.CommandCompletion;
import com.shellguard.connector.api.CommandFacts;
import com.shellguard.connector.api.CommandFlag;
import com.shellguard.connector.api.CommandFlags;
import com.shellguard.connector.api.HelloField;
import com.shellguard.connector.api.HookLimits;
import com.shellguard.connector.api.Resolution;
import com.shellguard.connector.api.ShellRole;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every encoder of the hook protocol, run for real against a stand-in gateway, and what it sent decoded by the
 * gateway's own decoder (HookWire): bash with hook.bash, bash with the lane (lane.c) doing the hook's common case,
 * zsh with hook.zsh, and a program started under the exec guard. The packaged files are the build's
 * (target/classes/shellguard). The lane is only built where bash's headers are (package bash-builtins), zsh only
 * runs where it is installed: scripts/test.sh installs both; without them those cases are skipped, not passed.
 */
class HookConformanceTest {

    /**
     * Programs met once and again (the hooks' fast paths), asked (rm is named), asked before being resolved (an
     * assignment to a variable the hook relies on), missing, with text to escape.
     */
    private static final String SCRIPT = String.join("\n",
            "/bin/true first",
            "/bin/true second",
            "rm -f /nonexistent/sg-conformance",
            "PS0=x /bin/true unresolved",
            "/bin/true piped | /bin/cat",
            "cd /tmp",
            "/bin/echo 'back\\slash'",
            "nosuch-sg-conformance",
            "[[ ${__sg_lane-} ]] && echo lane-loaded",
            "");

    @TempDir
    Path tmp;

    @Test
    void bashSendsTheFieldsTheGatewayReads() throws Exception {
        try (StandInGateway gateway = new StandInGateway(List.of("rm"))) {
            Path session = TargetSide.session(tmp, gateway.port());
            String out = runBash(session);
            assertTrue(!out.contains("lane-loaded"), out);
            assertShellCommands(gateway, "bash", session);
        }
    }

    @Test
    void bashWithItsLaneSendsWhatTheHookWould() throws Exception {
        try (StandInGateway gateway = new StandInGateway(List.of("rm"))) {
            Path session = TargetSide.session(tmp, gateway.port());
            TargetSide.install(session, "lane", "no lane built: bash's headers are missing (scripts/test.sh installs bash-builtins)");
            String out = runBash(session);
            assertTrue(out.contains("lane-loaded"), "the hook did not load its lane: " + out);
            assertShellCommands(gateway, "bash", session);
        }
    }

    @Test
    void zshSendsTheFieldsTheGatewayReads() throws Exception {
        assumeTrue(TargetSide.installed("zsh"), "zsh is not installed (scripts/test.sh installs it)");
        try (StandInGateway gateway = new StandInGateway(List.of("rm"))) {
            Path session = TargetSide.session(tmp, gateway.port());
            TargetSide.run(session.resolve("work"), Map.of("HOME", session.resolve("home").toString(),
                    "ZDOTDIR", session.resolve("zdot").toString(), "__SG_ROLE", "exec"), List.of("zsh", "-c", SCRIPT));
            List<CommandFacts> facts = assertShellCommands(gateway, "zsh", session);
            CommandFacts piped = one(facts, f -> f.text().startsWith("/bin/true piped"));
            assertTrue(piped.words().stream().anyMatch(w -> w.startsWith("/bin/cat=")), "zsh lists the pipeline's words: " + piped);
        }
    }

    @Test
    void theExecGuardSendsTheFieldsTheGatewayReads() throws Exception {
        try (StandInGateway gateway = new StandInGateway(List.of("rm"))) {
            Path work = runGuarded(gateway, List.of(List.of("/usr/bin/env", "/bin/true", "a b"),
                    List.of("/usr/bin/env", "rm", "-f", "/nonexistent/sg-conformance")));
            assertHellos(gateway, ShellRole.GUARD);
            List<CommandFacts> facts = decode(gateway, "guard");
            CommandFacts reported = one(facts, f -> f.text().equals("/bin/true 'a b'"));
            assertEquals("R", type(gateway, reported));
            assertEquals(ShellRole.GUARD, reported.role());
            assertEquals(CommandFlags.NONE, reported.flags());
            assertEquals(Resolution.FILE, reported.resolution());
            assertEquals("execvp", reported.function());
            assertEquals("/bin/true", reported.word());
            assertEquals("/bin/true", reported.path());
            assertSameFile(reported.path(), reported.canonical());
            assertEquals(work.toRealPath().toString(), reported.cwd());
            assertEquals("", reported.lineId());
            assertEquals(List.of(), reported.words());
            assertTrue(reported.caller().matches("\\d+ .*/env"), reported.caller());
            assertTrue(reported.parent().matches("\\d+ .+"), reported.parent());
            CommandFacts asked = one(facts, f -> f.word().equals("rm"));
            assertEquals("Q", type(gateway, asked));
            assertTrue(asked.path().endsWith("/rm"), asked.path());
            assertEquals(List.of("rm"), asked.sameAs(), "the guard names the rule's program whose file this is");
        }
    }

    /**
     * A start's whole argv reaches the gateway, far past what the guard once cut silently (8 KiB): the word after the
     * padding is in the text. Past the protocol's limit the text keeps what fits and ends with the mark the gateway
     * reads (ArgvCut), counting every argument and byte; the message keeps to the limit.
     */
    @Test
    void theExecGuardSendsALongCommandLineWholeOrMarkedAsCut() throws Exception {
        try (StandInGateway gateway = new StandInGateway(List.of("rm"))) {
            List<String> padded = new ArrayList<>(List.of("/usr/bin/env", "/bin/true"));
            for (int i = 0; i < 10_000; i++) {
                padded.add("padding-" + i);
            }
            padded.add("sg-last-word");
            List<String> overLimit = new ArrayList<>(List.of("/usr/bin/env", "/bin/true"));
            long bytes = "/bin/true".length() + 1;
            for (int i = 0; i < 20_000; i++) {
                String arg = "arg'" + i + "-" + "p".repeat(50);
                overLimit.add(arg);
                bytes += arg.getBytes(StandardCharsets.UTF_8).length + 1;
            }
            runGuarded(gateway, List.of(padded, overLimit));

            gateway.commands(2);
            List<CommandFacts> facts = decode(gateway, "guard");
            CommandFacts whole = one(facts, f -> f.text().startsWith("/bin/true padding-0 "));
            assertTrue(whole.text().endsWith(" padding-9999 sg-last-word"), "the whole argv, " + whole.text().length() + " characters");
            assertTrue(ArgvCut.in(whole.text()).isEmpty());
            CommandFacts cut = one(facts, f -> f.text().startsWith("/bin/true 'arg'\\''0-p"));
            assertEquals(new ArgvCut("the exec guard", 20_001, bytes), ArgvCut.in(cut.text()).orElseThrow(
                    () -> new AssertionError("no cut mark at the end of " + cut.text().substring(cut.text().length() - 200))));
            int length = String.join(String.valueOf(HookWire.US), message(gateway, cut)).getBytes(StandardCharsets.UTF_8).length + 1;
            assertTrue(length <= HookLimits.MESSAGE && length > HookLimits.MESSAGE - 100, "the message fills the limit: " + length);
        }
    }

    /** Runs the commands, in turn, in a new session of the gateway's with the exec guard preloaded; returns its work directory. */
    private Path runGuarded(StandInGateway gateway, List<List<String>> commands) throws Exception {
        Path session = TargetSide.session(tmp, gateway.port());
        Path guard = TargetSide.install(session, "guard", "no exec guard built (no gcc)");
        Path work = session.resolve("work");
        for (List<String> command : commands) {
            TargetSide.run(work, Map.of("LD_PRELOAD", guard.toString()), command);
        }
        return work;
    }

    private static String runBash(Path session) {
        return TargetSide.run(session.resolve("work"), Map.of("HOME", session.resolve("home").toString(),
                "BASH_ENV", session.resolve("hook.bash").toString(), "__SG_ROLE", "exec"), List.of("bash", "-c", SCRIPT));
    }

    /** What both shells must have sent for SCRIPT, decoded; returns every command they sent. */
    private static List<CommandFacts> assertShellCommands(StandInGateway gateway, String shell, Path session) throws Exception {
        assertHellos(gateway, ShellRole.EXEC);
        List<CommandFacts> facts = decode(gateway, shell);
        String work = session.resolve("work").toRealPath().toString();
        CommandFacts first = one(facts, f -> f.text().equals("/bin/true first"));
        CommandFacts second = one(facts, f -> f.text().equals("/bin/true second"));
        for (CommandFacts f : List.of(first, second)) {
            assertEquals("R", type(gateway, f), "a program no rule names is reported: " + f);
            assertEquals(ShellRole.EXEC, f.role());
            assertEquals(CommandFlags.of(CommandFlag.COMMAND_STRING), f.flags());
            assertEquals(0, f.subshell());
            assertEquals("", f.source());
            assertEquals(Resolution.FILE, f.resolution());
            assertEquals("/bin/true", f.word());
            assertEquals("/bin/true", f.path());
            assertSameFile(f.path(), f.canonical());
            assertEquals(work, f.cwd());
            assertEquals("", f.function());
            assertTrue(f.lineId().matches("\\d+\\.\\d+"), "line id shellpid.historynumber: " + f.lineId());
            assertEquals("", f.alias());
            assertEquals(shell, f.shell());
        }
        List<String> secondMessage = message(gateway, second);
        CommandCompletion firstDone = HookWire.completion("s", secondMessage.get(3)).orElseThrow(
                () -> new AssertionError("the second command carries the first one's end: " + secondMessage));
        assertEquals(first.commandId(), firstDone.commandId());
        assertEquals(0, firstDone.exitStatus());

        CommandFacts asked = one(facts, f -> f.word().equals("rm"));
        assertEquals("Q", type(gateway, asked));
        assertEquals(Resolution.FILE, asked.resolution());
        assertTrue(asked.path().endsWith("/rm"), asked.path());
        assertEquals("rm -f /nonexistent/sg-conformance", asked.text());

        if (shell.equals("bash")) {
            CommandFacts unresolved = one(facts, f -> f.text().startsWith("PS0=x "));
            assertEquals("Q", type(gateway, unresolved), "an assignment to PS0 is asked: " + unresolved);
            assertEquals(Resolution.UNRESOLVED, unresolved.resolution());
        }

        CommandFacts escaped = one(facts, f -> f.word().equals("/bin/echo"));
        assertEquals("/bin/echo 'back\\slash'", escaped.text());
        assertEquals("/tmp", escaped.cwd());

        CommandFacts missing = one(facts, f -> f.word().equals("nosuch-sg-conformance"));
        assertEquals(Resolution.MISSING, missing.resolution());
        assertEquals("", missing.path());
        return facts;
    }

    /** Every connection starts with H: the session's key, and a role of the protocol. */
    private static void assertHellos(StandInGateway gateway, ShellRole role) throws InterruptedException {
        List<List<String>> hellos = gateway.messages().stream().filter(m -> m.get(0).equals("H")).toList();
        assertTrue(!hellos.isEmpty(), "no hello: " + gateway.messages());
        for (List<String> h : hellos) {
            assertEquals(HelloField.values().length + 1, h.size(), "every field of the hello: " + h);
            assertEquals(TargetSide.KEY, h.get(HelloField.KEY.position()));
            assertEquals(role, ShellRole.of(h.get(HelloField.ROLE.position())).orElseThrow(() -> new AssertionError("role " + h)));
            assertTrue(h.get(HelloField.PID.position()).matches("\\d+"), "pid: " + h);
        }
    }

    private static List<CommandFacts> decode(StandInGateway gateway, String shell) throws InterruptedException {
        return gateway.commands().stream().map(m -> HookWire.facts(m, shell)
                .orElseThrow(() -> new AssertionError("the gateway cannot read " + m))).toList();
    }

    private static List<String> message(StandInGateway gateway, CommandFacts facts) throws InterruptedException {
        return gateway.commands().stream().filter(m -> m.get(1).equals(facts.commandId())).findFirst().orElseThrow();
    }

    private static String type(StandInGateway gateway, CommandFacts facts) throws InterruptedException {
        return message(gateway, facts).get(0);
    }

    private static CommandFacts one(List<CommandFacts> facts, Predicate<CommandFacts> which) {
        List<CommandFacts> found = facts.stream().filter(which).toList();
        assertEquals(1, found.size(), "exactly one such command among " + facts);
        return found.get(0);
    }

    private static void assertSameFile(String path, String canonical) throws IOException {
        assertEquals(Path.of(path).toRealPath(), Path.of(canonical).toRealPath());
    }
}

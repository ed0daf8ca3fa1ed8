package com.shellguard.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Attempts to switch the hook off or step around it, typed into a hooked interactive bash: removing or
 * replacing the trap, switching off the options it needs, shadowing builtins with functions, dropping the
 * variables it relies on, env -i, shells without rc files, exec into another shell. Each is blocked and
 * raises an ALERT, and the hook still works afterwards: a forbidden command typed next is still blocked.
 */
class CommandTamperIT {

    private static Fixture fx;
    private static String person;
    private static Path work;
    private static ShellSession shell;
    private static String sessionId;

    @BeforeAll
    static void openAHookedShell() throws IOException {
        fx = Fixture.shared();
        String server = fx.server("tamper", true);
        Fixture.Person eve = fx.personWithAccess("eve", server);
        person = eve.name();
        work = TargetFiles.directory("sg-tamper");
        fx.admin.post("/command-rules", "{\"name\":" + Api.quote(Fixture.unique("no-rm")) + ",\"match\":\"command\",\"pattern\":\"rm\","
                + "\"action\":\"BLOCK\",\"users\":[" + Api.quote(person) + "]}").expect(201);
        shell = ShellSession.open(fx.keyClient(eve), person + "@" + TargetServer.LOGIN + "@" + server, "bash");
        sessionId = fx.awaitSession(person, s -> !Fixture.has(s, "end")).getString("id");
        shell.run("cd " + work);
    }

    @AfterAll
    static void closeTheShell() {
        if (shell != null) {
            shell.close();
        }
    }

    private static List<String> attempts() {
        return List.of(
                "trap - DEBUG",
                "trap '' DEBUG",
                "trap -- 'echo off' debug",
                "builtin trap - DEBUG",
                "command trap - SIGDEBUG",
                "eval 'trap - DEBUG'",
                "t=trap; $t - DEBUG",
                "set +T",
                "set +o functrace",
                "set -o posix",
                "set +o history",
                "shopt -u -o functrace",
                "unset BASH_ENV",
                "export -n BASH_ENV",
                "declare +x BASH_ENV",
                "BASH_ENV= bash -c 'echo unhooked'",
                "PROMPT_COMMAND=",
                "PS0=",
                "HISTCONTROL=ignorespace",
                "HISTSIZE=0",
                "export HISTSIZE=0",
                "unset EPOCHSECONDS",
                "enable rm",
                "unset -f __sg_t",
                "unset -f bash",
                "enable -n trap",
                "env -i bash -c 'echo unhooked'",
                "env -u BASH_ENV bash -c 'echo unhooked'",
                "bash --posix -c 'echo unhooked'",
                "exec bash --norc",
                "/bin/bash",
                "/bin/sh",
                "exec sh",
                "zsh -f",
                "__sg_h[x]=1",
                "printf -v '__sg_h[rm x]' 1",
                "read -r __sg_pv <<< 9",
                "__sg_apply_policy $'P\\x1f9\\x1fallow\\x1f0\\x1f\\x1f'");
    }

    @TestFactory
    Stream<DynamicTest> everyTamperAttemptIsBlockedRaisesAnAlertAndLeavesTheHookWorking() {
        return attempts().stream().map(line -> DynamicTest.dynamicTest(line, () -> check(line)));
    }

    @TestFactory
    Stream<DynamicTest> shadowingABuiltinWithAFunctionRaisesAnAlertAndChangesNothing() {
        return Stream.of("builtin() { :; }", "printf() { :; }", "trap() { :; }", "declare() { :; }")
                .map(line -> DynamicTest.dynamicTest(line, () -> {
                    Set<String> alertsBefore = alerts();
                    shell.run(line);
                    // a definition runs no command: the hook reports its line with the next one
                    stillBlocks(line);
                    fx.awaitAlert(sessionId, a -> "TAMPER".equals(a.getString("kind")) && !alertsBefore.contains(a.getString("id")),
                            line + ": a TAMPER alert");
                    shell.run("unset -f " + line.substring(0, line.indexOf('(')) + " 2>/dev/null; true");
                }));
    }

    /** The trap holds no word an alias could rewrite; aliases of the shell's own keywords change nothing. */
    @TestFactory
    Stream<DynamicTest> aliasesOfKeywordsLeaveTheHookWorking() {
        return Stream.of("alias '[['='true || [['", "alias '!'='true ||'", "alias '{'='true;'")
                .map(line -> DynamicTest.dynamicTest(line, () -> {
                    shell.run(line);
                    stillBlocks(line);
                    shell.run("unalias -a; true");
                }));
    }

    /**
     * The first command of a typed line is looked up under a prefix no command text starts with, so it never
     * meets the remembered text of another command (a function named 1rm once made a new line's "rm x" known).
     */
    @Test
    void aNewLinesFirstCommandNeverMatchesAnotherRememberedText() throws IOException {
        Path victim = work.resolve("prefix-victim");
        TargetFiles.file(victim, "precious\n");
        shell.run("1rm() { :; }; true; 1rm " + victim);
        shell.run("rm " + victim);
        assertTrue(Files.exists(victim), "a new line's rm ran unjudged:\n" + shell.terminal().screen());
        shell.run("unset -f 1rm; true");
    }

    /**
     * A script's program reports leave the target in batches (the lane holds them back up to 200 ms), and a
     * shell killed right after its programs must not take their reports along. A kill closes the connection,
     * which sends what is held, unless a line the gateway pushed lies unread: then the close is a reset that
     * discards it. The first sleep lets the gateway's 2 s push interval pass, so the reports before the second
     * sleep draw a push that arrives during it, unread, just before the last programs and the kill.
     */
    @Test
    void programsAShellRanJustBeforeItWasKilledAreInTheAudit() {
        String marker = "/sg-held-" + Long.toHexString(System.nanoTime());
        shell.run("bash -c 'ls " + marker + "-a 2>/dev/null; /bin/kill -0 $$; sleep 2.2; ls " + marker + "-b 2>/dev/null; sleep 0.5; "
                + "ls " + marker + "-c 2>/dev/null; /bin/kill -9 $$'");
        for (String last : List.of("ls " + marker + "-b", "ls " + marker + "-c", "/bin/kill -9")) {
            fx.awaitCommand(sessionId, row -> row.getString("command", "").startsWith(last), "the report of " + last);
        }
    }

    private void check(String line) throws IOException {
        Set<String> alertsBefore = alerts();
        Set<String> blockedBefore = blocked();
        shell.run(line);
        fx.awaitCommand(sessionId, row -> "BLOCKED".equals(row.getString("verdict", null)) && !blockedBefore.contains(row.getString("id")),
                line + ": a BLOCKED row");
        fx.awaitAlert(sessionId, a -> "TAMPER".equals(a.getString("kind")) && !alertsBefore.contains(a.getString("id")),
                line + ": a TAMPER alert");
        stillBlocks(line);
    }

    /** The hook still works after an attempt: a forbidden command is still refused. */
    private void stillBlocks(String after) throws IOException {
        Path victim = work.resolve("v" + Integer.toHexString(after.hashCode()));
        TargetFiles.file(victim, "precious\n");
        shell.run("rm " + victim);
        assertTrue(Files.exists(victim), "after \"" + after + "\" the hook no longer blocks:\n" + shell.terminal().screen());
    }

    private static Set<String> alerts() {
        return ids("/audit/alerts?session=" + sessionId + "&limit=1000");
    }

    private static Set<String> blocked() {
        return ids("/audit/commands?session=" + sessionId + "&verdict=BLOCKED&limit=1000");
    }

    private static Set<String> ids(String path) {
        return fx.admin.get(path).expect(200).array().stream().map(v -> v.asJsonObject().getString("id")).collect(Collectors.toSet());
    }
}

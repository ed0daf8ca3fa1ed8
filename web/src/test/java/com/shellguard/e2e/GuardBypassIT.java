package com.shellguard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The bypass corpus the shell hook cannot catch, because another program starts the forbidden one: python,
 * perl and awk starting rm, xargs and find inside a {@code #!/bin/sh} script, a copy of rm under another name,
 * a hard link run by another program, the dynamic loader running rm, a program that empties its environment
 * or drops LD_PRELOAD first. Each is typed into one hooked interactive bash through the real client, gateway
 * and sshd; the victim file must still exist, and the audit must hold a new BLOCKED row from the exec guard
 * (shell {@code guard}, origin {@code program}) naming the process that asked. The session's directory, the
 * guard's library with it, is gone after the session.
 */
class GuardBypassIT {

    private static Fixture fx;
    private static String server;
    private static Fixture.Person mallory;
    private static Path work;
    private static ShellSession shell;
    private static String sessionId;

    /** One attempt: a name, and what the person does, given the attempt's victim file (or marker). */
    private record Attempt(String name, Consumer<String> act, boolean marker) {
    }

    @BeforeAll
    static void openAHookedShell() throws IOException {
        fx = Fixture.shared();
        server = fx.server("guard", true);
        fx.account(server, TargetServer.ZSH_LOGIN);
        mallory = fx.person("mallory");
        fx.grant(mallory, server, TargetServer.LOGIN, TargetServer.ZSH_LOGIN);
        work = TargetFiles.directory("sg-guard");
        rule("{\"name\":" + Api.quote(Fixture.unique("no-rm")) + ",\"match\":\"command\",\"pattern\":\"rm\",\"action\":\"BLOCK\"}");
        rule("{\"name\":" + Api.quote(Fixture.unique("no-tools")) + ",\"match\":\"path\",\"pattern\":" + Api.quote(work + "/tools/*")
                + ",\"action\":\"BLOCK\"}");
        TargetFiles.script(work.resolve("plain.sh"), "#!/bin/sh\nrm \"$1\"\n");
        TargetFiles.script(work.resolve("xargs.sh"), "#!/bin/sh\necho \"$1\" | xargs rm\n");
        TargetFiles.script(work.resolve("find.sh"), "#!/bin/sh\nfind \"$(dirname \"$1\")\" -name \"$(basename \"$1\")\" -exec rm {} \\;\n");
        TargetFiles.script(work.resolve("tools/mark"), "#!/bin/sh\ntouch \"$1\"\n");
        TargetFiles.hardLink(Path.of("/usr/bin/rm"), work.resolve("hl"));
        shell = ShellSession.open(fx.keyClient(mallory), mallory.name() + "@" + TargetServer.LOGIN + "@" + server, "bash");
        sessionId = fx.awaitSession(mallory.name(), s -> !Fixture.has(s, "end")).getString("id");
        shell.run("cd " + work);
    }

    private static void rule(String json) {
        String scoped = json.substring(0, json.length() - 1) + ",\"users\":[" + Api.quote(mallory.name()) + "]}";
        fx.admin.post("/command-rules", scoped).expect(201);
    }

    @AfterAll
    static void closeTheShell() {
        if (shell != null) {
            shell.close();
        }
    }

    private static Attempt typed(String name, String line) {
        return new Attempt(name, v -> shell.run(line.replace("{V}", v)), false);
    }

    private static List<Attempt> attempts() {
        List<Attempt> a = new ArrayList<>();
        // interpreters that start programs
        a.add(typed("python os.system", "python3 -c 'import os; os.system(\"rm {V}\")'"));
        a.add(typed("python subprocess", "python3 -c 'import subprocess; subprocess.run([\"rm\", \"{V}\"])'"));
        a.add(typed("python os.execv of a hard link elsewhere", "python3 -c 'import os; os.execv(\"./hl\", [\"hl\", \"{V}\"])'"));
        a.add(typed("perl system", "perl -e 'system(\"rm\", \"{V}\")'"));
        a.add(typed("perl exec", "perl -e 'exec(\"rm {V}\")'"));
        a.add(typed("awk system()", "awk 'BEGIN { system(\"rm {V}\") }'"));
        // programs that start programs, out of the shell hook's sight in a dash script
        a.add(typed("xargs rm in a #!/bin/sh script", "./xargs.sh {V}"));
        a.add(typed("find -exec rm in a #!/bin/sh script", "./find.sh {V}"));
        a.add(typed("a #!/bin/sh script run by path", "./plain.sh {V}"));
        // the program behind the name
        a.add(typed("a copy of rm under another name", "mkdir -p x && cp /usr/bin/rm x/zap && x/zap {V}"));
        a.add(typed("the dynamic loader running rm", "/lib64/ld-linux-x86-64.so.2 /usr/bin/rm {V}"));
        a.add(typed("an empty PATH element in a program's search (the current directory)",
                "mkdir -p e8 && ln -sf /usr/bin/rm e8/zap8 && cd e8 && PATH=\":$PATH\" env zap8 {V}; cd .."));
        a.add(typed("the dynamic loader with options", "/lib64/ld-linux-x86-64.so.2 --inhibit-cache /bin/rm {V}"));
        // environments that lose the guard
        a.add(typed("env -i from another program", "python3 -c 'import os; os.execve(\"/usr/bin/env\", [\"env\", \"-i\", \"/bin/sh\", \"-c\", \"rm {V}\"], {})'"));
        a.add(typed("a program that drops LD_PRELOAD first", "python3 -c 'import os; os.environ.pop(\"LD_PRELOAD\", None); os.system(\"rm {V}\")'"));
        a.add(typed("a program that unsets LD_PRELOAD for its child", "perl -e 'delete $ENV{LD_PRELOAD}; exec(\"/bin/sh\", \"-c\", \"rm {V}\")'"));
        // the path rule
        a.add(new Attempt("a program under a forbidden path, started by python",
                v -> shell.run("python3 -c 'import subprocess; subprocess.run([\"tools/mark\", \"" + v + "\"])'"), true));
        return a;
    }

    @TestFactory
    Stream<DynamicTest> everyStartIsBlockedByTheExecGuardAndAudited() {
        return attempts().stream().map(attempt -> DynamicTest.dynamicTest(attempt.name(), () -> check(attempt)));
    }

    private void check(Attempt attempt) throws IOException {
        Path victim = work.resolve("v" + Integer.toHexString(attempt.name().hashCode()));
        if (attempt.marker()) {
            Files.deleteIfExists(victim);
        } else {
            TargetFiles.file(victim, "precious\n");
        }
        Set<String> blockedBefore = fx.commandIds(sessionId, "BLOCKED");
        attempt.act().accept(victim.toString());
        if (attempt.marker()) {
            assertFalse(Files.exists(victim), attempt.name() + ": the forbidden program ran\n" + shell.terminal().tail());
        } else {
            assertTrue(Files.exists(victim), attempt.name() + ": " + victim + " was removed\n" + shell.terminal().tail());
        }
        JsonObject row = fx.awaitCommand(sessionId, r -> "BLOCKED".equals(r.getString("verdict", null))
                && "guard".equals(r.getString("shell", null)) && !blockedBefore.contains(r.getString("id")),
                attempt.name() + ": a new BLOCKED audit row from the exec guard");
        assertEquals("program", row.getString("origin"), row.toString());
        assertTrue(row.getString("caller", "").matches("\\d+ /.+"), "the process that asked: " + row);
        assertTrue(row.getString("parent", "").matches("\\d+ /.+"), "its parent: " + row);
        assertTrue(shell.terminal().screen().contains("shellguard: blocked by policy"), shell.terminal().tail());
    }

    /**
     * A start no rule concerns runs, and is audited once. In this session the supervisor traces every process and
     * reports every start itself, so the guard, traced by it, does not report the start again on a connection of
     * its own (which cost sshd and the gateway a channel per start); where a label switches the supervisor off,
     * the guard reports it, naming the program that asked.
     */
    @Test
    void programsStartedByProgramsRunWhenNoRuleConcernsThemAndAreAuditedOnceWithTheirCaller() {
        String marker = "py-" + Long.toHexString(System.nanoTime());
        String python = "python3 -c 'import subprocess; print(\"true:\", subprocess.run([\"true\", \"" + marker + "\"]).returncode)'";
        assertTrue(shell.output(python).contains("true: 0"));
        assertTrue(shell.output("awk 'BEGIN { system(\"echo from-awk-" + marker + "\") }'").contains("from-awk-" + marker));
        JsonObject started = fx.awaitCommand(sessionId, r -> "supervisor".equals(r.getString("shell", null))
                && ("true " + marker).equals(r.getString("command", null)), "the supervisor's row for true started by python");
        assertEquals("ALLOWED", started.getString("verdict"), started.toString());
        assertTrue(started.getString("parent", "").matches("\\d+ /.*python3.*"), "python started it: " + started);
        fx.awaitCommand(sessionId, r -> "supervisor".equals(r.getString("shell", null))
                && r.getString("command", "").contains("echo from-awk-" + marker), "the supervisor's row for the shell awk started");
        long guardRows = fx.admin.get("/audit/commands?session=" + sessionId + "&q=" + marker + "&limit=100").expect(200).array()
                .stream().map(v -> v.asJsonObject()).filter(r -> "guard".equals(r.getString("shell", null))).count();
        assertEquals(0, guardRows, "the guard leaves what the supervisor traces to the supervisor's report");

        String label = Fixture.unique("guardonly");
        fx.admin.put("/command-defaults/" + label, "{\"mode\":\"allow\",\"supervisor\":\"off\"}").expect(200);
        String unsupervised = fx.server("guardonly", true);
        fx.admin.put("/servers/" + unsupervised, "{\"labels\":[" + Api.quote(label) + "]}").expect(200);
        Fixture.Person p = fx.person("guardonly");
        fx.grant(p, unsupervised, TargetServer.LOGIN);
        Processes.Result ran = fx.keyClient(p).ssh(p.name() + "@" + unsupervised, python);
        assertTrue(ran.stdout().contains("true: 0"), ran.output());
        JsonObject session = fx.awaitSession(p.name(), s -> unsupervised.equals(s.getString("server")) && Fixture.has(s, "end"));
        assertFalse(Fixture.strings(session.getJsonObject("hook").getJsonArray("layers")).contains("supervisor"), session.toString());
        JsonObject reported = fx.awaitCommand(session.getString("id"), r -> "guard".equals(r.getString("shell", null))
                && ("true " + marker).equals(r.getString("command", null)), "the guard's row for true started by python");
        assertEquals("ALLOWED", reported.getString("verdict"), reported.toString());
        assertTrue(reported.getString("caller", "").matches("\\d+ /.*python3.*"), "python asked: " + reported);
    }

    /**
     * An interactive bash that a program starts (python's pty.spawn here; tmux, screen and vim's :terminal alike)
     * reads no BASH_ENV: it ran unhooked, and the guard, trusting the BASH_ENV it inherited, reported nothing it
     * started. The guard now starts it with the hook's rc file, so its commands are judged and audited.
     */
    @Test
    void anInteractiveShellAProgramStartsIsHookedAndWhatItRunsIsAudited() {
        String marker = "/sg-pty-" + Long.toHexString(System.nanoTime());
        shell.terminal().line("python3 -c 'import pty; pty.spawn(\"/bin/bash\")'");
        String screen;
        try {
            shell.terminal().waitFor("[$#] $");
            shell.terminal().line("ls " + marker + " 2>/dev/null; trap -p DEBUG | grep -c __sg_ | sed 's/^/tr''aps=/'");
            screen = shell.terminal().waitFor("traps=\\d");
        } finally {
            shell.terminal().line("exit");
            shell.awaitNext();
        }
        assertTrue(screen.contains("traps=1"), "the inner shell carries the hook's trap:\n" + screen);
        fx.awaitCommand(sessionId, r -> r.getString("command", "").contains(marker) && "bash".equals(r.getString("shell", null)),
                "the hook's audit row of ls run in the inner shell");
    }

    @Test
    void aProgramTheHookedShellStartsIsAuditedOnceByTheShellHook() {
        String marker = "once-" + Long.toHexString(System.nanoTime());
        assertTrue(shell.output("/usr/bin/printf '%s\\n' " + marker).contains(marker));
        fx.awaitCommand(sessionId, r -> r.getString("command", "").contains(marker) && !"guard".equals(r.getString("shell", null)),
                "the shell hook's row for printf");
        long guardRows = fx.admin.get("/audit/commands?session=" + sessionId + "&q=" + marker + "&limit=100").expect(200).array()
                .stream().map(v -> v.asJsonObject()).filter(r -> "guard".equals(r.getString("shell", null))).count();
        assertEquals(0, guardRows, "the guard does not report what a hooked shell reported");
    }

    @Test
    void whereTheGuardCannotLoadTheShellHookCarriesOnWithAnAlertAndAStrictServerRefuses() throws IOException {
        // the session's private directory lands on a noexec file system, where no library may be mapped
        Path noexec = Files.createTempDirectory("sg-noexec");
        Processes.Result mounted = Processes.run(List.of("mount", "-t", "tmpfs", "-o", "noexec,mode=1777", "tmpfs", noexec.toString()));
        if (mounted.exitCode() != 0) {
            Files.deleteIfExists(noexec);
        }
        Assumptions.assumeTrue(mounted.exitCode() == 0, "mounting a noexec tmpfs needs a machine that allows it: " + mounted.output());
        try (TargetServer target = TargetServer.start(List.of("SetEnv TMPDIR=" + noexec))) {
            Provisioning onTarget = new Provisioning(fx.admin, target);
            String lax = onTarget.server("noexec", true);
            String strict = onTarget.server("noexecstrict", true);
            fx.admin.put("/servers/" + strict, "{\"labels\":[\"strict\"]}").expect(200);
            Fixture.Person p = fx.person("noguard");
            fx.grant(p, lax, TargetServer.LOGIN);
            fx.grant(p, strict, TargetServer.LOGIN);
            fx.admin.post("/command-rules", "{\"name\":" + Api.quote(Fixture.unique("no-rm")) + ",\"match\":\"command\","
                    + "\"pattern\":\"rm\",\"action\":\"BLOCK\",\"users\":[" + Api.quote(p.name()) + "]}").expect(201);
            Path victim = work.resolve("noguard-" + System.nanoTime());
            TargetFiles.file(victim, "precious\n");

            Processes.Result hooked = fx.keyClient(p).ssh(p.name() + "@" + lax, "rm " + victim + "; echo \"preload=${LD_PRELOAD-}\"");
            assertTrue(Files.exists(victim), hooked.output());
            assertTrue(hooked.stderr().contains("shellguard: blocked by policy"), "the shell hook still decides: " + hooked.output());
            assertFalse(hooked.stdout().contains("guard.so"), "no guard is preloaded: " + hooked.output());
            JsonObject session = fx.awaitSession(p.name(), s -> lax.equals(s.getString("server")) && Fixture.has(s, "end"));
            assertEquals("ARMED", session.getJsonObject("hook").getString("state"), session.toString());
            JsonObject alert = fx.awaitAlert(session.getString("id"), a -> "GUARD_UNAVAILABLE".equals(a.getString("kind")),
                    "a GUARD_UNAVAILABLE alert");
            assertFalse(alert.getString("detail", "").isBlank(), alert.toString());

            Processes.Result refused = fx.keyClient(p).ssh(p.name() + "@" + strict, "echo must-not-run");
            assertEquals(255, refused.exitCode(), refused.output());
            assertTrue(refused.stderr().contains("shellguard: server " + strict + " requires command control, and the exec guard"),
                    refused.stderr());
            assertFalse(refused.stdout().contains("must-not-run"));
        } finally {
            Processes.run(List.of("umount", noexec.toString()));
            Files.deleteIfExists(noexec);
        }
    }

    /**
     * A program that keeps starting others has each start decided in its forked child, against the policy the
     * program parsed before it forked (looked at once a second; the child only checks that the file is still
     * that one). A rule added meanwhile must reach those starts within five seconds all the same.
     */
    @Test
    void aRuleAddedWhileAProgramKeepsStartingOthersAppliesToItsStartsWithinFiveSeconds() throws IOException {
        String name = "late-" + Long.toHexString(System.nanoTime());
        Path dir = work.resolve(name + "-run");
        Path tool = dir.resolve(name);
        TargetFiles.script(tool, "#!/bin/sh\ntouch \"$1\"\n");
        shell.run("perl -e 'for my $i (1..50) { system(\"" + tool + "\", \"" + dir + "/mark-$i\"); select(undef, undef, undef, 0.2) }' 2>/dev/null &");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!Files.exists(dir.resolve("mark-1")) && System.nanoTime() < deadline) {
            Processes.sleep(Duration.ofMillis(50));
        }
        assertTrue(Files.exists(dir.resolve("mark-1")), "perl did not start the tool:\n" + shell.terminal().tail());
        rule("{\"name\":" + Api.quote(Fixture.unique("no-late")) + ",\"match\":\"command\",\"pattern\":" + Api.quote(name)
                + ",\"action\":\"BLOCK\"}");
        Instant added = Instant.now();
        shell.run("wait");
        assertFalse(Files.exists(dir.resolve("mark-50")), "the tool still ran at the end, 10 s after the rule was added");
        try (Stream<Path> made = Files.list(dir)) {
            for (Path mark : made.filter(p -> p.getFileName().toString().startsWith("mark-")).toList()) {
                Instant when = Files.getLastModifiedTime(mark).toInstant();
                assertTrue(when.isBefore(added.plusSeconds(5)), mark + " was made at " + when + ", the rule was added at " + added);
            }
        }
    }

    @Test
    void theGuardStaysInTheEnvironmentOfProgramsThatClearIt() {
        String out = shell.output("python3 -c 'import os; os.execve(\"/usr/bin/env\", [\"env\", \"-i\", \"/usr/bin/env\"], {})'");
        assertTrue(out.contains("LD_PRELOAD=") && out.contains("/guard.so"), out);
    }

    @Test
    void aZshSessionArmsTheGuardTooAndTheDirectoryIsGoneAfterLogout() throws IOException {
        Path v = work.resolve("zsh-" + System.nanoTime());
        TargetFiles.file(v, "precious\n");
        Path dir;
        try (ShellSession zsh = ShellSession.open(fx.keyClient(mallory), mallory.name() + "@" + TargetServer.ZSH_LOGIN + "@" + server, "zsh")) {
            dir = sessionDirectory(zsh);
            assertTrue(Files.exists(dir.resolve("guard.so")), dir.toString());
            zsh.run("python3 -c 'import os; os.system(\"rm " + v + "\")'");
            assertTrue(Files.exists(v), zsh.terminal().screen());
            zsh.terminal().line("exit");
        }
        awaitGone(dir);
    }

    @Test
    void nothingIsLeftOnTheTargetAfterABashSession() {
        Path dir;
        try (ShellSession bash = ShellSession.open(fx.keyClient(mallory), mallory.name() + "@" + TargetServer.LOGIN + "@" + server, "bash")) {
            dir = sessionDirectory(bash);
            assertTrue(Files.exists(dir.resolve("guard.so")), dir.toString());
            bash.terminal().line("exit");
        }
        awaitGone(dir);
    }

    /** The session's private directory on the target, read from where the guard is preloaded from. */
    private static Path sessionDirectory(ShellSession s) {
        String out = s.output("printf 'dir=%s\\n' \"${LD_PRELOAD%/guard.so*}\"");
        String line = out.lines().filter(l -> l.startsWith("dir=/")).findFirst().orElseThrow(() -> new AssertionError(out));
        return Path.of(line.substring(4).strip());
    }

    private static void awaitGone(Path dir) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (Files.exists(dir) && System.nanoTime() < deadline) {
            Processes.sleep(Duration.ofMillis(200));
        }
        assertFalse(Files.exists(dir), dir + " is still on the target after the session");
    }
}

package com.shellguard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gateway checks its witnesses: what the hook says is a claim (the watched user can read its key), so the gateway
 * decides forged reports again, refuses completions that rewrite other commands, survives a flood of connections to
 * the hook's port from another local account with one alert, keeps the hook's variables out of the client's
 * environment, notices a changed startup file between two sessions, and notices a hook that falls silent while
 * ordinary use (vim, a python REPL, a here-document, a loop typed slowly) raises nothing. Everything through the real
 * ssh client in tmux, the real gateway and the real sshd.
 */
class HookWitnessIT {

    private static final String US_FIELDS = "|";
    private static Fixture fx;
    private static Path work;

    @BeforeAll
    static void prepare() throws IOException {
        fx = Fixture.shared();
        work = TargetFiles.directory("sg-witness");
        HookPortScript.write(work.resolve("forge.sh"), """
                now=$(date +%s)000000
                hello_to_hook
                for m in "$@"; do m=${m//PID/$$}; m=${m//NOW/$now}; printf '%s\\n' "${m//|/$us}" >&3; done
                sleep 1
                exec 3>&-
                echo forged-$#
                """);
    }

    /** A watched person's session: the person's own, on a server of its own, with a rule that forbids rm. */
    private record Watched(Fixture.Person person, HookedShell session) {

        ShellSession shell() {
            return session.shell();
        }

        String sessionId() {
            return session.id();
        }
    }

    private static Watched shell(String prefix, boolean strict) {
        String server = fx.server(prefix, true);
        if (strict) {
            fx.admin.put("/servers/" + server, "{\"labels\":[\"strict\"]}").expect(200);
        }
        Fixture.Person person = fx.personWithAccess(prefix, server);
        fx.admin.post("/command-rules", "{\"name\":" + Api.quote(Fixture.unique("witness-no-rm")) + ",\"match\":\"command\","
                + "\"pattern\":\"rm\",\"action\":\"BLOCK\",\"users\":[" + Api.quote(person.name()) + "]}").expect(201);
        HookedShell session = HookedShell.open(fx, fx.keyClient(person), person, server, s -> true);
        session.shell().run("cd " + work);
        return new Watched(person, session);
    }

    private static List<JsonObject> alerts(String sessionId, String kind) {
        return fx.admin.get("/audit/alerts?session=" + sessionId + "&limit=1000").expect(200).array().stream()
                .map(v -> (JsonObject) v).filter(a -> kind.equals(a.getString("kind"))).toList();
    }

    /** A forged report (R) message for a program: fields by protocol.def's order, `|` for US. */
    private static String report(String id, String word, String path, String text) {
        return String.join(US_FIELDS, "R", id, "NOW", "", "child", "", "0", "", "0", "", "/tmp", "file", word, path, path,
                "", "", "", text);
    }

    @Test
    void aForgedReportIsDecidedAgainStoredWithTheGatewaysVerdictAndAlerted() {
        Watched w = shell("forger", false);
        try {
            String out = w.shell().output("bash forge.sh '" + report("PID.1", "rm", "/usr/bin/rm", "rm -rf /srv/precious") + "'");
            assertTrue(out.contains("forged-1"), out);
            JsonObject row = fx.awaitCommand(w.sessionId(), c -> "rm -rf /srv/precious".equals(c.getString("command", "")),
                    "the forged report");
            assertEquals("BLOCKED", row.getString("verdict"), row.toString());
            fx.awaitAlert(w.sessionId(), a -> "FORGED_REPORT".equals(a.getString("kind"))
                    && a.getString("detail", "").contains("rm -rf /srv/precious"), "FORGED_REPORT for the forged rm");
            // the session goes on (not strict) and the hook still blocks
            assertTrue(w.shell().output("rm -f nothing-here; echo after-$?").contains("after-126"));
        } finally {
            w.shell().close();
        }
    }

    @Test
    void aForgedCompletionNeitherRewritesAnotherCommandNorCompletesOneTwice() {
        Watched w = shell("completer", false);
        try {
            w.shell().run("ls -d /tmp >/dev/null");
            w.shell().run("true");
            JsonObject ls = fx.awaitCommand(w.sessionId(), c -> "ls -d /tmp >/dev/null".equals(c.getString("line", ""))
                    && Fixture.has(c, "exitStatus"), "ls with its exit status");
            String lsId = ls.getString("commandId");
            String out = w.shell().output("bash forge.sh 'E|" + lsId + ",99,1,2' '"
                    + report("PID.7", "true", "/usr/bin/true", "true forged") + "' 'E|PID.7,0,1,2' 'E|PID.7,55,1,2'");
            assertTrue(out.contains("forged-4"), out);
            fx.awaitAlert(w.sessionId(), a -> "FORGED_REPORT".equals(a.getString("kind"))
                    && a.getString("detail", "").contains(lsId) && a.getString("detail").contains("another process"),
                    "FORGED_REPORT for the foreign completion");
            fx.awaitAlert(w.sessionId(), a -> "FORGED_REPORT".equals(a.getString("kind"))
                    && a.getString("detail", "").contains("second exit status"), "FORGED_REPORT for the double completion");
            JsonObject forged = fx.awaitCommand(w.sessionId(), c -> "true forged".equals(c.getString("command", ""))
                    && Fixture.has(c, "exitStatus"), "the forged command's first completion");
            assertEquals(0, forged.getInt("exitStatus"), forged.toString());
            JsonObject lsAgain = fx.awaitCommand(w.sessionId(), c -> lsId.equals(c.getString("commandId", "")), "ls");
            assertEquals(ls.getInt("exitStatus"), lsAgain.getInt("exitStatus"), lsAgain.toString());
        } finally {
            w.shell().close();
        }
    }

    @Test
    void aFloodOfConnectionsFromAnotherAccountRaisesOneAlertAndTheSessionKeepsWorking() throws IOException {
        Watched w = shell("flooded", false);
        try {
            int port = hookPort(shellPid(w.shell()));
            Processes.Result flood = Processes.run(List.of("runuser", "-u", "nobody", "--", "python3", "-c", """
                    import socket, sys, time
                    socks = []
                    for i in range(500):
                        s = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
                        if i % 2:
                            s.sendall(b"GET / HTTP/1.0\\r\\n\\r\\n" * 400)
                        socks.append(s)
                    time.sleep(2)
                    print("flooded", len(socks))
                    """, String.valueOf(port)), null, Duration.ofSeconds(60));
            assertTrue(flood.stdout().contains("flooded 500"), flood.toString());
            assertTrue(w.shell().output("echo still-$((6*7))").contains("still-42"));
            assertTrue(w.shell().output("rm -f nothing-here; echo after-$?").contains("after-126"));
            // the silent half of the flood times out after 10 s: still one alert
            Processes.sleep(Duration.ofSeconds(12));
            assertTrue(w.shell().output("echo alive-$((2*3))").contains("alive-6"));
            List<JsonObject> strangers = alerts(w.sessionId(), "FORGED_REPORT");
            assertEquals(1, strangers.size(), strangers.toString());
            assertTrue(alerts(w.sessionId(), "HOOK_FLOOD").isEmpty());
        } finally {
            w.shell().close();
        }
    }

    @Test
    void theHooksVariablesFromTheClientAreNotForwardedAndAlert() {
        String server = fx.server("clientenv", true);
        Fixture.Person person = fx.personWithAccess("clientenv", server);
        OpenSshClient client = fx.keyClient(person);
        List<String> command = new ArrayList<>(client.sshCommand(person.name() + "@" + server, false,
                "echo \"env:$BASH_ENV:$LC_WITNESS:$PROMPT_COMMAND\""));
        command.addAll(1, List.of("-o", "SetEnv=BASH_ENV=/tmp/sg-evil-env LC_WITNESS=kept PROMPT_COMMAND=evil",
                "-o", "SendEnv=LANG"));
        Processes.Result r = Processes.run(command, null, Duration.ofSeconds(60));
        assertEquals(0, r.exitCode(), r.toString());
        assertFalse(r.stdout().contains("/tmp/sg-evil-env"), r.stdout());
        assertFalse(r.stdout().contains("evil"), r.stdout());
        assertTrue(r.stdout().contains(":kept:"), r.stdout());
        String sessionId = fx.awaitSession(person.name(), s -> Fixture.has(s, "end")).getString("id");
        JsonObject alert = fx.awaitAlert(sessionId, a -> "TAMPER".equals(a.getString("kind")), "TAMPER for the client's variables");
        assertTrue(alert.getString("detail").contains("BASH_ENV") && alert.getString("detail").contains("PROMPT_COMMAND"), alert.toString());
        assertFalse(alert.getString("detail").contains("LC_WITNESS"), alert.toString());
    }

    @Test
    void aChangedStartupFileIsAlertedRefusedOnAStrictServerUntilAccepted() throws IOException {
        String server = fx.server("rcwatch", true);
        fx.admin.put("/servers/" + server, "{\"labels\":[\"strict\"]}").expect(200);
        Fixture.Person person = fx.personWithAccess("rcwatch", server);
        OpenSshClient client = fx.keyClient(person);
        String target = person.name() + "@" + server;
        Path bashrc = Path.of("/home/" + TargetServer.LOGIN + "/.bashrc");
        String before = Files.exists(bashrc) ? Files.readString(bashrc) : null;
        try {
            Processes.Result first = client.ssh(target, "echo first-session");
            assertEquals(0, first.exitCode(), first.toString());
            assertTrue(fx.admin.get("/servers/" + server + "/accounts/" + TargetServer.LOGIN + "/startup-files").expect(200)
                    .array().stream().map(v -> (JsonObject) v).noneMatch(f -> f.getBoolean("changed")));

            Files.writeString(bashrc, (before == null ? "" : before) + "\n# planted between two sessions " + System.nanoTime() + "\n");
            Processes.Result refused = client.ssh(target, "echo must-not-run");
            assertEquals(255, refused.exitCode(), refused.toString());
            assertFalse(refused.stdout().contains("must-not-run"), refused.toString());
            assertTrue(refused.stderr().contains("startup files changed") && refused.stderr().contains(".bashrc"), refused.stderr());
            String refusedId = fx.awaitSession(person.name(), s -> Fixture.has(s, "end")
                    && "echo must-not-run".equals(s.getString("command", ""))).getString("id");
            JsonObject alert = fx.awaitAlert(refusedId, a -> "STARTUP_FILE_CHANGED".equals(a.getString("kind")), "STARTUP_FILE_CHANGED");
            assertTrue(alert.getString("detail").contains(".bashrc (changed)"), alert.toString());

            List<JsonObject> accepted = fx.admin.post("/servers/" + server + "/accounts/" + TargetServer.LOGIN
                    + "/startup-files/accept", "").expect(200).array().stream().map(v -> (JsonObject) v).toList();
            assertTrue(accepted.stream().noneMatch(f -> f.getBoolean("changed")), accepted.toString());
            Processes.Result after = client.ssh(target, "echo after-accept");
            assertEquals(0, after.exitCode(), after.toString());
            assertTrue(after.stdout().contains("after-accept"));
        } finally {
            if (before == null) {
                Files.deleteIfExists(bashrc);
            } else {
                Files.writeString(bashrc, before);
            }
        }
    }

    @Test
    void ordinaryUseRaisesNoHookSilentAndASilencedHookDoes() throws IOException {
        Watched w = shell("silence", false);
        try {
            Duration pause = Duration.ofSeconds(7);
            w.shell().terminal().press("Enter");
            w.shell().terminal().line("# only a comment");
            Processes.sleep(pause);
            w.shell().type("cat <<EOF").terminal().press("Enter");
            Processes.sleep(pause);
            w.shell().type("in a here-document").terminal().press("Enter");
            assertTrue(w.shell().run("EOF").contains("in a here-document"));
            w.shell().type("for i in 1 2; do").terminal().press("Enter");
            Processes.sleep(pause);
            w.shell().type("echo loop-$i").terminal().press("Enter");
            assertTrue(w.shell().run("done").contains("loop-2"));
            w.shell().type("python3 -q").terminal().press("Enter");
            w.shell().waitFor(">>> ");
            w.shell().type("6*7").terminal().press("Enter");
            Processes.sleep(pause);
            w.shell().type("exit()").terminal().press("Enter");
            w.shell().awaitNext();
            w.shell().type("vi -n -u NONE witness.txt").terminal().press("Enter");
            Processes.sleep(Duration.ofSeconds(1));
            w.shell().type("ihello").terminal().press("Enter");
            w.shell().type("world").terminal().press("Escape");
            Processes.sleep(pause);
            w.shell().type(":q!").terminal().press("Enter");
            w.shell().awaitNext();
            assertTrue(w.shell().output("echo done-$((1+1))").contains("done-2"));
            Processes.sleep(Duration.ofSeconds(2));
            assertTrue(alerts(w.sessionId(), "HOOK_SILENT").isEmpty(), alerts(w.sessionId(), "HOOK_SILENT").toString());

            long sshd = silence(shellPid(w.shell()));
            try {
                w.shell().terminal().line("ls -d / /tmp");
                JsonObject silent = fx.awaitAlert(w.sessionId(), a -> "HOOK_SILENT".equals(a.getString("kind")), "HOOK_SILENT");
                assertTrue(silent.getString("detail").contains("entered at the prompt"), silent.toString());
            } finally {
                resume(sshd);
            }
            assertTrue(w.shell().output("ls -d / /tmp").contains("/tmp"));
        } finally {
            w.shell().close();
        }
    }

    @Test
    void aStrictServerEndsTheSessionOfASilencedHook() throws IOException {
        Watched w = shell("silencestrict", true);
        try {
            long sshd = silence(shellPid(w.shell()));
            try {
                w.shell().terminal().line("ls -d / /tmp");
                w.shell().waitFor("cannot be trusted");
                fx.awaitSession(w.person().name(), s -> Fixture.has(s, "end"));
            } finally {
                resume(sshd);
            }
        } finally {
            w.shell().close();
        }
    }

    private static String shellPid(ShellSession shell) {
        return shell.output("echo $$").lines().map(String::strip).filter(l -> l.matches("\\d+")).findFirst().orElseThrow();
    }

    /** The forwarded port of the session whose shell has this pid, as root reads it from the session's directory. */
    private static int hookPort(String shellPid) throws IOException {
        try (Stream<Path> dirs = Files.list(Path.of("/tmp"))) {
            for (Path dir : dirs.filter(d -> d.getFileName().toString().startsWith(".shellguard-")).toList()) {
                Path pid = dir.resolve("shell.pid");
                if (Files.exists(pid) && Files.readString(pid).strip().equals(shellPid)) {
                    return Integer.parseInt(Files.readAllLines(dir.resolve("session")).stream()
                            .filter(l -> l.startsWith("port=")).findFirst().orElseThrow().substring(5).strip());
                }
            }
        }
        throw new AssertionError("no session directory for shell " + shellPid);
    }

    /**
     * Silences the hook's connection while the session goes on for the gateway: as root, the target's sshd process
     * of the session (which carries the hook's forwarded connection) is stopped, so what the hook writes waits in the
     * kernel and reaches no one. A debugger in the shell can no longer do it (the supervisor is the shell's tracer,
     * and a process has one), nor can destroying the connection (the shell's next write then kills it). Returns the
     * stopped process, for {@link #resume}.
     */
    private static long silence(String shellPid) throws IOException {
        long pid = Long.parseLong(shellPid);
        while (pid > 1) {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String command = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
            if (command.equals("sshd")) {
                assertTrue(ProcessHandle.of(pid).isPresent());
                Processes.Result r = Processes.run(List.of("kill", "-STOP", String.valueOf(pid)), null, Duration.ofSeconds(10));
                assertEquals(0, r.exitCode(), r.toString());
                return pid;
            }
            pid = Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
        }
        throw new AssertionError("no sshd among the ancestors of the session's shell " + shellPid);
    }

    private static void resume(long sshd) {
        Processes.run(List.of("kill", "-CONT", String.valueOf(sshd)), null, Duration.ofSeconds(10));
    }
}

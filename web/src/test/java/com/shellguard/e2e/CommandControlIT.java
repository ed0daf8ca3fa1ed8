package com.shellguard.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Command control as people meet it beyond the interactive bash: other login shells, exec requests, file
 * transfers, output that must not change, servers that cannot take the hook, rules that change while a
 * session runs, and what the other actions (TERMINATE, ALERT), an allowlist and a switched-off hook do.
 */
class CommandControlIT {

    private static Fixture fx;
    private static String server;
    private static Path work;

    @BeforeAll
    static void prepare() throws IOException {
        fx = Fixture.shared();
        server = fx.server("cc", true);
        fx.account(server, TargetServer.DASH_LOGIN);
        fx.account(server, TargetServer.ZSH_LOGIN);
        work = TargetFiles.directory("sg-cc");
    }

    private static void rule(Fixture.Person person, String json) {
        fx.admin.post("/command-rules", "{\"name\":" + Api.quote(Fixture.unique("cc")) + "," + json + ",\"users\":["
                + Api.quote(person.name()) + "]}").expect(201);
    }

    private static Fixture.Person personForbiddenRm(String prefix, String... logins) {
        Fixture.Person p = fx.person(prefix);
        List<String> all = new ArrayList<>(List.of(TargetServer.LOGIN));
        all.addAll(List.of(logins));
        fx.grant(p, server, all.toArray(String[]::new));
        rule(p, "\"match\":\"command\",\"pattern\":\"rm\",\"action\":\"BLOCK\"");
        return p;
    }

    private static Path victim(String name) throws IOException {
        Path v = work.resolve(name + "-" + System.nanoTime());
        TargetFiles.file(v, "precious\n");
        return v;
    }

    @Test
    void aDashUserGetsAHookedBashAndItsCommandsAreJudged() throws IOException {
        Fixture.Person p = personForbiddenRm("dashuser", TargetServer.DASH_LOGIN);
        Path v = victim("dash");
        try (ShellSession shell = ShellSession.open(fx.keyClient(p), p.name() + "@" + TargetServer.DASH_LOGIN + "@" + server, "bash")) {
            assertTrue(shell.output("echo \"shell=$BASH_VERSION\"").startsWith("shell=5"));
            shell.run("rm " + v + "; sh -c 'rm " + v + "'");
            assertTrue(Files.exists(v));
        }
        JsonObject session = fx.awaitSession(p.name(), s -> Fixture.has(s, "end"));
        assertEquals("ARMED", session.getJsonObject("hook").getString("state"));
    }

    @Test
    void aZshUserGetsTheZshHookWithTheirOwnStartupFilesAndItsCommandsAreJudged() throws IOException {
        Fixture.Person p = personForbiddenRm("zshuser", TargetServer.ZSH_LOGIN);
        Path v = victim("zsh");
        String sshUser = p.name() + "@" + TargetServer.ZSH_LOGIN + "@" + server;
        try (ShellSession shell = ShellSession.open(fx.keyClient(p), sshUser, "zsh")) {
            assertTrue(shell.output("echo \"zsh=$ZSH_VERSION\"").startsWith("zsh=5"));
            String sessionId = fx.awaitSession(p.name(), s -> !Fixture.has(s, "end")).getString("id");
            shell.run("alias del=rm");
            shell.run("del " + v);
            shell.run("zsh -c 'rm " + v + "'; bash -c 'rm " + v + "'");
            assertTrue(Files.exists(v), shell.terminal().screen());
            assertTrue(shell.output("print -r -- ok-$((6 * 7))").contains("ok-42"));
            JsonObject blocked = fx.awaitCommand(sessionId, row -> "BLOCKED".equals(row.getString("verdict", null))
                    && row.getString("line", "").equals("del " + v), "the aliased rm, BLOCKED, with its typed line");
            assertEquals("zsh", blocked.getString("shell"), blocked.toString());
            assertEquals("del", blocked.getString("alias"), blocked.toString());
        }
        JsonObject session = fx.awaitSession(p.name(), s -> Fixture.has(s, "end"));
        assertEquals("ARMED", session.getJsonObject("hook").getString("state"));
        String hookShell = session.getJsonObject("hook").getString("shell");
        assertTrue(hookShell.startsWith("zsh/"), "the session's hook names the shell and its version: " + hookShell);
        Processes.Result exec = fx.keyClient(p).ssh(sshUser, "rm " + v + " && echo removed; echo \"exec=$ZSH_VERSION\"");
        assertTrue(exec.stdout().contains("exec=5"), exec.output());
        assertFalse(exec.stdout().contains("removed"), exec.output());
        assertTrue(exec.stderr().contains("shellguard: blocked by policy"), exec.stderr());
        assertTrue(Files.exists(v));
    }

    @Test
    void anExecRequestIsJudgedAndTheStatusOfWhatRanComesBack() throws IOException {
        Fixture.Person p = personForbiddenRm("execuser");
        Path v = victim("exec");
        OpenSshClient client = fx.keyClient(p);
        Processes.Result blocked = client.ssh(p.name() + "@" + server, "rm " + v + " && echo removed");
        assertEquals(126, blocked.exitCode(), blocked.output());
        assertTrue(blocked.stderr().contains("shellguard: blocked by policy"), blocked.stderr());
        assertFalse(blocked.stdout().contains("removed"));
        assertTrue(Files.exists(v));
        Processes.Result ok = client.ssh(p.name() + "@" + server, "echo \"$(whoami) ok\"; exit 3");
        assertEquals(3, ok.exitCode(), ok.output());
        assertEquals(TargetServer.LOGIN + " ok\n", ok.stdout());
        Processes.Result terminal = Processes.run(new ProcessBuilder(client.sshCommand(p.name() + "@" + server, true,
                "rm " + v + "; echo after")), null, Duration.ofSeconds(60));
        assertTrue(terminal.stdout().contains("after"), terminal.output());
        assertTrue(Files.exists(v));
    }

    @Test
    void rsyncWorksThroughAHookedExecSession() throws IOException {
        Fixture.Person p = fx.personWithAccess("rsyncuser", server);
        Path local = Files.createTempDirectory("sg-rsync");
        Files.writeString(local.resolve("a.txt"), "alpha\n");
        String remote = work.resolve("rsync-" + System.nanoTime()).toString();
        OpenSshClient client = fx.keyClient(p);
        ProcessBuilder pb = new ProcessBuilder("rsync", "-a", "-e", client.rshCommand(), local + "/",
                p.name() + "@" + server + "@127.0.0.1:" + remote);
        Processes.Result r = Processes.run(pb, null, Duration.ofSeconds(60));
        assertEquals(0, r.exitCode(), r.output());
        assertEquals("alpha\n", Files.readString(Path.of(remote, "a.txt")));
    }

    @Test
    void outputReachesTheClientExactlyAsDirectly() throws IOException {
        Fixture.Person p = fx.personWithAccess("bytes", server);
        byte[] binary = new byte[512 * 1024];
        new Random(11).nextBytes(binary);
        Path bin = work.resolve("binary.bin");
        Files.write(bin, binary);
        Path escapes = work.resolve("escapes.txt");
        Files.writeString(escapes, "\u001b[31mred\u001b[0m \u001b]0;title\u0007 \u001b]7735;shellguard;x\u0007 tab\there\r\n\u001bc");
        OpenSshClient gateway = fx.keyClient(p);
        OpenSshClient direct = OpenSshClient.withKey(fx.target.port(), fx.target.clientKeyFile());
        for (Path file : List.of(bin, escapes)) {
            for (boolean terminal : List.of(false, true)) {
                byte[] viaGateway = captured(gateway.sshCommand(p.name() + "@" + server, terminal, "cat " + file));
                byte[] viaDirect = captured(direct.sshCommand(TargetServer.LOGIN, terminal, "cat " + file));
                assertArrayEquals(viaDirect, viaGateway, file + (terminal ? " with a terminal" : ""));
            }
        }
        assertArrayEquals(binary, captured(gateway.sshCommand(p.name() + "@" + server, false, "cat " + bin)));
    }

    private static byte[] captured(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        try {
            assertEquals(0, p.waitFor(), command.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return out;
    }

    @Test
    void aServerThatRefusesForwardingRunsTheSessionWithAnAlertOrRefusesItWhenStrict() {
        try (TargetServer closed = TargetServer.start(List.of("AllowTcpForwarding no"))) {
            Provisioning onClosed = new Provisioning(fx.admin, closed);
            String lax = onClosed.server("closed", true);
            String strict = onClosed.server("closedstrict", true);
            fx.admin.put("/servers/" + strict, "{\"labels\":[\"strict\"]}").expect(200);
            Fixture.Person p = fx.person("nofwd");
            fx.grant(p, lax, TargetServer.LOGIN);
            fx.grant(p, strict, TargetServer.LOGIN);
            OpenSshClient client = fx.keyClient(p);

            Processes.Result ran = client.ssh(p.name() + "@" + lax, "echo unhooked-but-running");
            assertEquals(0, ran.exitCode(), ran.output());
            assertEquals("unhooked-but-running\n", ran.stdout());
            JsonObject session = fx.awaitSession(p.name(), s -> lax.equals(s.getString("server")) && Fixture.has(s, "end"));
            assertEquals("UNAVAILABLE", session.getJsonObject("hook").getString("state"));
            assertTrue(session.getJsonObject("hook").getString("detail").contains("forwarding"), session.toString());
            fx.awaitAlert(session.getString("id"), a -> "HOOK_UNAVAILABLE".equals(a.getString("kind")), "a HOOK_UNAVAILABLE alert");

            Processes.Result refused = client.ssh(p.name() + "@" + strict, "echo must-not-run");
            assertEquals(255, refused.exitCode(), refused.output());
            assertTrue(refused.stderr().contains("shellguard: server " + strict + " requires command control"), refused.stderr());
            assertFalse(refused.stdout().contains("must-not-run"));
        }
    }

    @Test
    void aRuleAddedWhileASessionRunsAppliesWithinFiveSeconds() throws IOException {
        Fixture.Person p = fx.personWithAccess("latecomer", server);
        try (ShellSession shell = ShellSession.open(fx.keyClient(p), p.name() + "@" + server, "bash")) {
            Path before = work.resolve("late-before-" + System.nanoTime());
            shell.run("touch " + before);
            assertTrue(Files.exists(before));
            rule(p, "\"match\":\"command\",\"pattern\":\"touch\",\"action\":\"BLOCK\"");
            long added = System.nanoTime();
            Path after = null;
            while (System.nanoTime() - added < Duration.ofSeconds(5).toNanos()) {
                after = work.resolve("late-after-" + System.nanoTime());
                shell.run("touch " + after);
                if (!Files.exists(after)) {
                    break;
                }
                Processes.sleep(Duration.ofMillis(250));
            }
            assertFalse(Files.exists(after), "touch still ran 5 s after the rule was added");
        }
    }

    @Test
    void aTerminateRuleEndsTheSessionWithAMessage() throws IOException {
        Fixture.Person p = fx.personWithAccess("terminated", server);
        Path tool = work.resolve("self-destruct");
        TargetFiles.script(tool, "#!/bin/sh\ntouch \"$0.ran\"\n");
        rule(p, "\"match\":\"command\",\"pattern\":\"self-destruct\",\"action\":\"TERMINATE\"");
        try (Terminal t = Terminal.open(fx.keyClient(p).sshCommand(p.name() + "@" + server, true, null), List.of(), 120, 40)) {
            t.waitFor("\\$ $");
            t.line(tool.toString());
            t.waitFor("shellguard: the session was ended by policy");
            assertEquals(255, t.awaitExit());
        }
        assertFalse(Files.exists(Path.of(tool + ".ran")));
        JsonObject session = fx.awaitSession(p.name(), s -> Fixture.has(s, "end"));
        fx.awaitCommand(session.getString("id"), c -> "TERMINATED".equals(c.getString("verdict")), "a TERMINATED row");
    }

    @Test
    void anAlertRuleLetsTheCommandRunAndRaisesAnAlert() {
        Fixture.Person p = fx.personWithAccess("watched", server);
        rule(p, "\"match\":\"command\",\"pattern\":\"id\",\"action\":\"ALERT\"");
        Processes.Result r = fx.keyClient(p).ssh(p.name() + "@" + server, "id -un");
        assertEquals(TargetServer.LOGIN + "\n", r.stdout(), r.output());
        JsonObject session = fx.awaitSession(p.name(), s -> Fixture.has(s, "end"));
        fx.awaitCommand(session.getString("id"), c -> "ALERTED".equals(c.getString("verdict")) && c.getString("command").equals("id -un"),
                "an ALERTED row");
        fx.awaitAlert(session.getString("id"), a -> "POLICY".equals(a.getString("kind")), "a POLICY alert");
    }

    @Test
    void anAllowlistServerRunsOnlyWhatAnAllowRuleNames() {
        String label = Fixture.unique("allowlisted");
        String listed = fx.server("listed", true);
        fx.admin.put("/servers/" + listed, "{\"labels\":[" + Api.quote(label) + "]}").expect(200);
        fx.admin.put("/command-defaults/" + label, "{\"mode\":\"allowlist\"}").expect(200);
        Fixture.Person p = fx.personWithAccess("listeduser", listed);
        rule(p, "\"match\":\"command\",\"pattern\":\"date\",\"action\":\"ALLOW\"");
        OpenSshClient client = fx.keyClient(p);
        Processes.Result allowed = client.ssh(p.name() + "@" + listed, "date +%Y; echo builtin-runs");
        assertEquals(0, allowed.exitCode(), allowed.output());
        assertTrue(allowed.stdout().contains("builtin-runs"), allowed.output());
        Processes.Result refused = client.ssh(p.name() + "@" + listed, "id -u");
        assertEquals(126, refused.exitCode(), refused.output());
        assertTrue(refused.stderr().contains("blocked by policy \"default: allowlist\""), refused.stderr());
    }

    @Test
    void aLabelWithTheHookSwitchedOffRunsSessionsUnhooked() throws IOException {
        String label = Fixture.unique("unhooked");
        String free = fx.server("free", true);
        fx.admin.put("/servers/" + free, "{\"labels\":[" + Api.quote(label) + "]}").expect(200);
        fx.admin.put("/command-defaults/" + label, "{\"mode\":\"off\"}").expect(200);
        Fixture.Person p = fx.person("freeuser");
        fx.grant(p, free, TargetServer.LOGIN);
        rule(p, "\"match\":\"command\",\"pattern\":\"rm\",\"action\":\"BLOCK\"");
        Path v = victim("unhooked");
        Processes.Result r = fx.keyClient(p).ssh(p.name() + "@" + free, "rm " + v);
        assertEquals(0, r.exitCode(), r.output());
        assertFalse(Files.exists(v));
    }
}

package com.shellguard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Command control on another operating system than the gateway's own: a Debian 11 root file system (bash 5.1,
 * glibc 2.31, OpenSSH 8.4) made by debootstrap once per machine (scripts/target/roots/debian-root.sh, cached under
 * /var/cache/shellguard-tests) whose own sshd runs chrooted in its own mount and PID namespaces on a loopback port
 * (scripts/target/roots/sshd-in-root.sh), reached through the real gateway by the real client:
 * <ul>
 * <li>bash 5.1: the hook, the exec guard and the supervisor arm and judge; the lane, built against bash 5.2's
 * headers, refuses this bash by its version (the session's hook detail says so) and the shell-language hook does its
 * work; the privileged tier runs there too (root's key login inside the root);</li>
 * <li>the same root with bash removed (a copy in an overlay): logins whose shell is dash or busybox ash get their
 * sessions unhooked, as documented, with a HOOK_UNAVAILABLE alert naming the missing bash; a strict server refuses;</li>
 * <li>the same root with its bash replaced by bash 4.4 (RHEL 8's), where one was built here: a hooked interactive
 * session whose typed lines, reports and refusals work as on bash 5. No bash 4 can be downloaded by the tests (GNU's
 * FTP and Debian's archive of stretch are not reachable), so this case runs only where a statically linked bash 4.4
 * is at {@value #BASH44} (or {@code SHELLGUARD_BASH44}), built from bash's sources with
 * {@code ./configure --enable-static-link --without-bash-malloc}, and is skipped, saying so, elsewhere.</li>
 * </ul>
 * Needs root, debootstrap and the deb.debian.org mirror the first time (a few minutes), overlayfs and unshare.
 */
class OtherTargetsIT {

    private static final String ASH_LOGIN = "sgash";
    /** The accounts of both roots: bash, dash and busybox ash login shells. */
    private static final String SETUP = String.join("\n",
            "ln -sf busybox /bin/ash",
            "echo /bin/ash >> /etc/shells",
            "useradd -m -s /bin/bash " + TargetServer.LOGIN,
            "useradd -m -s /bin/dash " + TargetServer.DASH_LOGIN,
            "useradd -m -s /bin/ash " + ASH_LOGIN,
            // sshd without PAM refuses an account whose password is locked, even for a key
            "for login in " + TargetServer.LOGIN + " " + TargetServer.DASH_LOGIN + " " + ASH_LOGIN + "; do",
            "  echo \"$login:" + TargetServer.PASSWORD + "\" | chpasswd",
            "done",
            "");
    private static final String HIDE_BASH = "rm -f /bin/bash /usr/bin/bash /bin/rbash /usr/bin/rbash\n";
    static final String BASH44 = "/var/cache/shellguard-tests/bash-4.4-static/bin/bash";

    private static Fixture fx;
    private static TargetServer bullseye;
    private static TargetServer noBash;
    private static Path root;
    private static Provisioning onBullseye;
    private static Provisioning onNoBash;
    private static String server;
    private static Provisioning.Person alice;
    private static String forbidden;
    private static Path work;

    @BeforeAll
    static void startADebian11TargetAndOneWithoutBash() throws IOException {
        Processes.Result made = Processes.run(List.of(GatewayNode.projectRoot().resolve("scripts/target/roots/debian-root.sh").toString(),
                "bullseye"), null, Duration.ofMinutes(20));
        assertEquals(0, made.exitCode(), made.output());
        root = Path.of(made.stdout().strip());
        fx = Fixture.shared();
        work = Files.createTempDirectory("sg-other-targets");
        // a statically linked launcher that makes the execve system call itself: only the supervisor sees its start
        Path launcher = work.resolve("launch-static.c");
        Files.writeString(launcher, "#include <unistd.h>\n#include <sys/syscall.h>\nint main(int c, char **v) { "
                + "char *a[] = {v[1], v[2], 0}, *e[] = {0}; syscall(SYS_execve, v[1], a, e); return 99; }\n");
        Processes.check(List.of("gcc", "-static", "-o", work.resolve("launch-static").toString(), launcher.toString()));
        bullseye = TargetServer.inRoot(root, List.of("PermitRootLogin prohibit-password"), SETUP,
                List.of(TargetServer.LOGIN, TargetServer.DASH_LOGIN, ASH_LOGIN, "root"),
                Map.of("/opt/sgtests/launch-static", work.resolve("launch-static")));
        noBash = TargetServer.inRoot(root, List.of(), SETUP + HIDE_BASH, List.of(TargetServer.DASH_LOGIN, ASH_LOGIN), Map.of());
        onBullseye = new Provisioning(fx.gateway.admin(), bullseye);
        onNoBash = new Provisioning(fx.gateway.admin(), noBash);
        server = onBullseye.server("bullseye", true);
        alice = onBullseye.person("alice");
        onBullseye.grant(alice, server, TargetServer.LOGIN);
        forbidden = Fixture.unique("sgforbidden").replaceAll("[^A-Za-z0-9]", "");
        fx.admin.post("/command-rules", "{\"name\":" + Api.quote(Fixture.unique("no-" + forbidden)) + ",\"match\":\"command\","
                + "\"pattern\":" + Api.quote(forbidden) + ",\"action\":\"BLOCK\",\"users\":[" + Api.quote(alice.name()) + "]}")
                .expect(201);
    }

    @AfterAll
    static void stopTheTargets() {
        for (TargetServer target : new TargetServer[] {bullseye, noBash}) {
            if (target != null) {
                target.close();
            }
        }
    }

    private static OpenSshClient client(Provisioning.Person person) {
        return OpenSshClient.withKey(fx.gateway.sshPort(), person.key());
    }

    @Test
    void aDebian11SessionRunsBash51UnderTheHookGuardAndSupervisorAndTheLaneRefusesThatBash() {
        Provisioning.Person p = onBullseye.person("version");
        onBullseye.grant(p, server, TargetServer.LOGIN);
        Processes.Result r = client(p).ssh(p.name() + "@" + server, "echo \"$BASH_VERSION\"; cat /etc/debian_version");
        assertEquals(0, r.exitCode(), r.output() + bullseye.log());
        List<String> lines = r.stdout().lines().toList();
        assertTrue(lines.get(0).startsWith("5.1."), r.output());
        assertTrue(lines.get(1).startsWith("11."), r.output());
        JsonObject session = onBullseye.awaitSession(p.name(), s -> Provisioning.has(s, "end")
                && s.get("hook") instanceof JsonObject h && h.containsKey("layers"));
        JsonObject hook = session.getJsonObject("hook");
        assertEquals("ARMED", hook.getString("state"), session.toString());
        assertTrue(hook.getString("shell", "").startsWith("bash/5.1"), session.toString());
        List<String> layers = Provisioning.strings(hook.getJsonArray("layers"));
        assertEquals(List.of("hook", "guard", "supervisor"), layers, session.toString());
        assertTrue(hook.getString("detail", "").contains("built for bash 5.2, not bash 5.1"), session.toString());
    }

    @Test
    void onDebian11CommandsAreReportedAndAForbiddenOneIsBlockedByTheHookTheGuardAndTheSupervisor() {
        try (ShellSession shell = ShellSession.open(client(alice), alice.name() + "@" + TargetServer.LOGIN + "@" + server, "bash")) {
            String sessionId = onBullseye.awaitSession(alice.name(), s -> !Provisioning.has(s, "end")
                    && "SHELL".equals(s.getString("kind", null))).getString("id");
            String home = "/home/" + TargetServer.LOGIN;
            assertEquals(home, shell.output("cd && pwd"));
            // the forbidden program is a copy of touch under the name the rule forbids: it leaves its argument behind
            shell.run("cp /bin/touch ./" + forbidden + " && printf '#!/bin/sh\\n./" + forbidden + " \"$1\"\\n' > by-dash.sh"
                    + " && chmod +x by-dash.sh");
            onBullseye.awaitCommand(sessionId, c -> "ALLOWED".equals(c.getString("verdict", null))
                    && "/bin/cp".equals(c.getString("path", null)) | "/usr/bin/cp".equals(c.getString("path", null)), "cp reported");

            assertBlocked(shell, sessionId, "./" + forbidden + " " + home + "/by-hook", home + "/by-hook", "bash");
            assertBlocked(shell, sessionId, "./by-dash.sh " + home + "/by-guard", home + "/by-guard", "guard");
            assertBlocked(shell, sessionId, "/opt/sgtests/launch-static ./" + forbidden + " " + home + "/by-supervisor",
                    home + "/by-supervisor", "supervisor");
            assertEquals("still here", shell.output("echo still here"));
        }
    }

    private static void assertBlocked(ShellSession shell, String sessionId, String line, String marker, String layer) {
        java.util.Set<String> before = onBullseye.commandIds(sessionId, "BLOCKED");
        String screen = shell.run(line);
        assertFalse(Files.exists(bullseye.file(marker)), "the forbidden program ran: " + screen);
        onBullseye.awaitCommand(sessionId, c -> "BLOCKED".equals(c.getString("verdict", null)) && !before.contains(c.getString("id"))
                && layer.equals(c.getString("shell", "").replaceAll("/.*", "")), "a BLOCKED row from the " + layer + " for " + line);
        assertTrue(shell.terminal().screen().contains("shellguard: blocked by policy"), shell.terminal().tail());
    }

    @Test
    void theDebian11RootAccountCarriesALoginsSessionInThePrivilegedTier() {
        String privileged = onBullseye.privilegedServer("bullseyepriv", "root");
        Provisioning.Person p = onBullseye.person("priv");
        onBullseye.grant(p, privileged, TargetServer.LOGIN);
        Processes.Result r = client(p).ssh(p.name() + "@" + TargetServer.LOGIN + "@" + privileged, "id -un; echo \"$HOME\"");
        assertEquals(0, r.exitCode(), r.output());
        assertEquals(List.of(TargetServer.LOGIN, "/home/" + TargetServer.LOGIN), r.stdout().lines().toList(), r.output());
        JsonObject session = onBullseye.awaitSession(p.name(), s -> Provisioning.has(s, "end")
                && s.get("hook") instanceof JsonObject h && h.containsKey("layers"));
        JsonObject hook = session.getJsonObject("hook");
        assertEquals("privileged", hook.getString("tier"), session.toString());
        assertTrue(Provisioning.strings(hook.getJsonArray("layers")).contains("supervisor"), session.toString());
        onBullseye.awaitCommand(session.getString("id"), c -> "id".equals(c.getString("command", "").split(" ")[0]),
                "the id the login ran");
    }

    @Test
    void aDashLoginWithoutBashWorksUnhookedAndTheAlertSaysBashIsMissing() {
        String plain = onNoBash.server("nobash", true);
        onNoBash.account(plain, TargetServer.DASH_LOGIN);
        Provisioning.Person p = onNoBash.person("dash");
        onNoBash.grant(p, plain, TargetServer.DASH_LOGIN);
        Processes.Result r = client(p).ssh(p.name() + "@" + TargetServer.DASH_LOGIN + "@" + plain,
                "echo \"$0 $((6 * 7))\"; command -v bash || echo no bash");
        assertEquals(0, r.exitCode(), r.output() + noBash.log());
        assertEquals(List.of("dash 42", "no bash"), r.stdout().lines().toList(), r.output());
        JsonObject session = onNoBash.awaitSession(p.name(), s -> Provisioning.has(s, "end") && Provisioning.has(s, "hook"));
        JsonObject hook = session.getJsonObject("hook");
        assertEquals("UNAVAILABLE", hook.getString("state"), session.toString());
        assertTrue(hook.getString("detail", "").contains("bash is not installed"), session.toString());
        JsonObject alert = onNoBash.awaitAlert(session.getString("id"), a -> "HOOK_UNAVAILABLE".equals(a.getString("kind")),
                "a HOOK_UNAVAILABLE alert");
        assertTrue(alert.getString("detail", "").contains("/bin/dash cannot be hooked"), alert.toString());
    }

    @Test
    void aBusyboxAshLoginWithoutBashGetsAWorkingTerminalAndTheAlert() {
        String plain = onNoBash.server("ash", true);
        onNoBash.account(plain, ASH_LOGIN);
        Provisioning.Person p = onNoBash.person("ash");
        onNoBash.grant(p, plain, ASH_LOGIN);
        try (Terminal t = Terminal.open(client(p).sshCommand(p.name() + "@" + ASH_LOGIN + "@" + plain, true, null), List.of(), 120, 30)) {
            t.waitFor("\\$ $", Duration.ofSeconds(60));
            t.line("echo \"answer=$((6 * 7)) $(readlink /proc/$$/exe)\"");
            t.waitFor("answer=42 /(usr/)?bin/busybox", Duration.ofSeconds(20));
            String sessionId = onNoBash.awaitSession(p.name(), s -> Provisioning.has(s, "hook")).getString("id");
            JsonObject alert = onNoBash.awaitAlert(sessionId, a -> "HOOK_UNAVAILABLE".equals(a.getString("kind")),
                    "a HOOK_UNAVAILABLE alert");
            assertTrue(alert.getString("detail", "").contains("bash is not installed, and the login shell /bin/ash cannot be hooked"),
                    alert.toString());
        }
    }

    @Test
    void aStrictServerWithoutBashRefusesTheSessionWithTheReason() {
        String strict = onNoBash.server("nobashstrict", true);
        onNoBash.account(strict, TargetServer.DASH_LOGIN);
        fx.admin.put("/servers/" + strict, "{\"labels\":[\"strict\"]}").expect(200);
        Provisioning.Person p = onNoBash.person("strictdash");
        onNoBash.grant(p, strict, TargetServer.DASH_LOGIN);
        Processes.Result r = client(p).ssh(p.name() + "@" + TargetServer.DASH_LOGIN + "@" + strict, "echo ran");
        assertNotEquals(0, r.exitCode(), r.output());
        assertFalse(r.stdout().contains("ran"), r.output());
        assertTrue(r.stderr().contains("bash is not installed"), r.output());
    }

    @Test
    void aBash44TargetIsHookedItsTypedLinesReportedAndAForbiddenProgramBlocked() {
        Path bash44 = Path.of(System.getenv().getOrDefault("SHELLGUARD_BASH44", BASH44));
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(bash44), "no static bash 4.4 at " + bash44
                + " (build one from bash's sources: ./configure --enable-static-link --without-bash-malloc)");
        try (TargetServer old = TargetServer.inRoot(root, List.of(), SETUP + "cp /opt/sgtests/bash /bin/bash\n"
                + "cp /opt/sgtests/bash /usr/bin/bash\n", List.of(TargetServer.LOGIN), Map.of("/opt/sgtests/bash", bash44))) {
            Provisioning onOld = new Provisioning(fx.gateway.admin(), old);
            String oldServer = onOld.server("bash44", true);
            Provisioning.Person p = onOld.person("bash44");
            onOld.grant(p, oldServer, TargetServer.LOGIN);
            fx.admin.post("/command-rules", "{\"name\":" + Api.quote(Fixture.unique("no-" + forbidden)) + ",\"match\":\"command\","
                    + "\"pattern\":" + Api.quote(forbidden) + ",\"action\":\"BLOCK\",\"users\":[" + Api.quote(p.name()) + "]}")
                    .expect(201);
            try (ShellSession shell = ShellSession.open(client(p), p.name() + "@" + TargetServer.LOGIN + "@" + oldServer, "bash")) {
                JsonObject session = onOld.awaitSession(p.name(), s -> !Provisioning.has(s, "end")
                        && s.get("hook") instanceof JsonObject h && h.containsKey("layers"));
                String sessionId = session.getString("id");
                assertTrue(session.getJsonObject("hook").getString("shell", "").startsWith("bash/4.4"), session.toString());
                assertEquals("4.4", shell.output("echo \"${BASH_VERSION%.*}\"").substring(0, 3));
                String home = "/home/" + TargetServer.LOGIN;
                shell.run("cd && cp /bin/touch ./" + forbidden);
                shell.run("./" + forbidden + " " + home + "/by-hook");
                assertFalse(Files.exists(old.file(home + "/by-hook")), shell.terminal().tail());
                assertTrue(shell.terminal().screen().contains("shellguard: blocked by policy"), shell.terminal().tail());
                onOld.awaitCommand(sessionId, c -> "BLOCKED".equals(c.getString("verdict", null)), "the BLOCKED row");
                shell.run("id -un > /dev/null");
                onOld.awaitCommand(sessionId, c -> "id -un > /dev/null".equals(c.getString("line", null))
                        && "ALLOWED".equals(c.getString("verdict", null)), "id, reported with its typed line");
                assertEquals("still here", shell.output("echo still here"));
                assertTrue(fx.admin.get("/audit/alerts?session=" + sessionId + "&limit=1000").expect(200).array().stream()
                        .map(a -> a.asJsonObject().getString("kind")).noneMatch(k -> k.startsWith("HOOK_")), "no hook alert");
            }
        }
    }
}

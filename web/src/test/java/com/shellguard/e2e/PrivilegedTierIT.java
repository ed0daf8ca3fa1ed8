package com.shellguard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The privileged tier through the real client, gateway and sshd: a server whose only account is a privileged
 * root, and a person granted the login {@value TargetServer#LOGIN} there, which has no credential of its own at
 * the gateway. The gateway logs in as root, and the root supervisor starts the session as the login, as sshd
 * would (uid, groups, HOME), the login's startup files under the hook. The target sshd of this class admits root
 * by key ({@code PermitRootLogin prohibit-password}); the login gets passwordless sudo for {@code /usr/bin/id}
 * only, in a sudoers file removed afterwards, and a line in its {@code ~/.bashrc} that runs a probe only while
 * this class's work directory exists.
 */
class PrivilegedTierIT {

    private static final Path SUDOERS = Path.of("/etc/sudoers.d/shellguard-privileged-it");
    private static final Path BASHRC = Path.of("/home/" + TargetServer.LOGIN + "/.bashrc");

    private static GatewayNode gateway;
    private static TargetServer target;
    private static Provisioning admin;
    private static String server;
    private static Provisioning.Person alice;
    private static Path work;
    private static String bashrcBefore;

    @BeforeAll
    static void aServerWithOnlyAPrivilegedRootAccount() throws IOException {
        gateway = Fixture.shared().gateway;
        target = TargetServer.admittingRoot();
        admin = new Provisioning(gateway.admin(), target);
        server = admin.privilegedServer("priv", "root");
        alice = admin.person("alice");
        admin.grant(alice, server, TargetServer.LOGIN, "root");
        work = TargetFiles.directory("sg-priv");
        TargetFiles.script(work.resolve("probe"), "#!/bin/sh\ntouch " + work.resolve("probe-ran") + "\n");
        // what the login could write: find the session's directory by the pid of a shell it runs under, read the hooks'
        // key, and send alerts of its own on the hooks' port
        TargetFiles.script(work.resolve("alert-flood.sh"), """
                #!/bin/bash
                p=$PPID dir=
                while [ -z "$dir" ] && [ "$p" -gt 1 ]; do
                  for d in /tmp/.shellguard-* "${XDG_RUNTIME_DIR:-/none}"/.shellguard-* "${TMPDIR:-/none}"/.shellguard-*; do
                    [ -r "$d/shell.pid" ] && [ "$(cat "$d/shell.pid")" = "$p" ] && dir=$d
                  done
                  read -r _ _ _ p _ < "/proc/$p/stat"
                done
                port=$(sed -n 's/^port=//p' "$dir/session")
                key=$(sed -n 's/^key=//p' "$dir/session")
                us=$'\\x1f'
                exec 3<>"/dev/tcp/127.0.0.1/$port" || exit 1
                printf 'H%s%s%s%s%s%s%s%s%s1%sbash/5.2%schild\\n' "$us" "$key" "$us" "$$" "$us" "$PPID" "$us" "$PPID" "$us" "$us" "$us" >&3
                for ((i = 0; i < $1; i++)); do printf 'A%stamper%sforged %d\\n' "$us" "$us" "$i" >&3; done
                sleep 1
                exec 3>&-
                """);
        admin.admin.post("/command-rules", "{\"name\":" + Api.quote(Fixture.unique("no-probe")) + ",\"match\":\"path\",\"pattern\":"
                + Api.quote(work + "/probe") + ",\"action\":\"BLOCK\",\"users\":[" + Api.quote(alice.name()) + "]}").expect(201);
        bashrcBefore = Files.readString(BASHRC);
        Files.writeString(BASHRC, bashrcBefore + "\n[ -x " + work + "/probe ] && " + work + "/probe\n");
        Files.writeString(SUDOERS, TargetServer.LOGIN + " ALL=(root) NOPASSWD: /usr/bin/id\n");
        Files.setPosixFilePermissions(SUDOERS, PosixFilePermissions.fromString("r--r-----"));
    }

    @AfterAll
    static void putTheTargetBack() throws IOException {
        Files.deleteIfExists(SUDOERS);
        if (bashrcBefore != null) {
            Files.writeString(BASHRC, bashrcBefore);
        }
        if (target != null) {
            target.close();
        }
    }

    private static OpenSshClient client() {
        return OpenSshClient.withKey(gateway.sshPort(), alice.key());
    }

    private static String as(String login) {
        return alice.name() + "@" + login + "@" + server;
    }

    @Test
    void theAccountIsListedAsPrivilegedWithoutItsKeyAndASecondOneIsAConflict() {
        String accounts = admin.admin.get("/servers/" + server + "/accounts").expect(200).body();
        assertTrue(accounts.contains("\"privileged\":true"), accounts);
        assertFalse(accounts.contains("PRIVATE KEY"), accounts);
        Api.Response second = admin.admin.post("/servers/" + server + "/accounts", "{\"login\":\"sgzsh\",\"privateKey\":"
                + Api.quote(target.clientKey()) + ",\"privileged\":true}");
        assertEquals(409, second.status(), second.body());
        assertTrue(second.body().contains("at most one"), second.body());
    }

    @Test
    void aCommandRunsAsTheLoginWithItsGroupsAndHomeThroughTheRootAccount() {
        Processes.Result r = client().ssh(as(TargetServer.LOGIN), "id -un; id -Gn; echo \"$HOME\"; pwd");
        String groups = Processes.check(List.of("id", "-Gn", TargetServer.LOGIN)).stdout().trim();
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals(List.of(TargetServer.LOGIN, groups, "/home/" + TargetServer.LOGIN, "/home/" + TargetServer.LOGIN),
                r.stdout().lines().toList(), r.stderr());
        JsonObject session = admin.awaitSession(alice.name(), s -> Provisioning.has(s, "end")
                && "id -un; id -Gn; echo \"$HOME\"; pwd".equals(s.getString("command", null)));
        assertEquals(TargetServer.LOGIN, session.getString("login"));
        assertEquals("root", session.getString("privilegedAccount"), session.toString());
        JsonObject hook = session.getJsonObject("hook");
        assertEquals("ARMED", hook.getString("state"), session.toString());
        assertEquals("privileged", hook.getString("tier"), session.toString());
        assertTrue(Provisioning.strings(hook.getJsonArray("layers")).contains("supervisor"), session.toString());
    }

    @Test
    void aKeyFilePlantedAndRemovedWithinTheSessionRaisesAStartupFileAlertForEachChange() {
        PlantedKey.plantAndAwaitAlerts(admin, alice.name(), command -> client().ssh(as(TargetServer.LOGIN), command));
    }

    @Test
    void theLoginsOwnAlertsOnTheHooksPortDoNotUseUpTheSupervisorsStartupFileAlerts() {
        JsonObject session = PlantedKey.plantAndAwaitAlerts(admin, alice.name(), "bash " + work.resolve("alert-flood.sh") + " 201 && ",
                command -> client().ssh(as(TargetServer.LOGIN), command));
        admin.awaitAlert(session.getString("id"), a -> "HOOK_FLOOD".equals(a.getString("kind"))
                && a.getString("detail", "").contains("alerts from the session's hooks"), "the HOOK_FLOOD of the login's own alerts");
    }

    @Test
    void aHistorySettingTheStartupFilesMayMakeIsTamperOnceThePromptIsShown() {
        try (ShellSession shell = ShellSession.open(client(), as(TargetServer.LOGIN), "bash")) {
            String out = shell.output("HISTCONTROL=ignoreboth; echo \"histcontrol=[$HISTCONTROL]\"");
            assertTrue(out.contains("blocked by policy") && out.contains("histcontrol=[]"), out);
        }
    }

    @Test
    void theLoginsShellRunsItsStartupFilesUnderTheHookCanSudoAndCannotKillItsSupervisor() {
        try (ShellSession shell = ShellSession.open(client(), as(TargetServer.LOGIN), "bash")) {
            String sessionId = admin.awaitSession(alice.name(), s -> !Provisioning.has(s, "end")
                    && "SHELL".equals(s.getString("kind", null))).getString("id");
            assertFalse(Files.exists(work.resolve("probe-ran")), () -> "the probe in ~/.bashrc ran unjudged; the screen:\n"
                    + shell.terminal().screen() + "\nthe session: " + admin.admin.get("/sessions/" + sessionId).body()
                    + "\nits commands: " + admin.admin.get("/audit/commands?session=" + sessionId + "&limit=1000").body());
            admin.awaitCommand(sessionId, c -> "BLOCKED".equals(c.getString("verdict", null))
                    && String.valueOf(c.getString("path", "")).endsWith("/probe"), "the blocked probe of ~/.bashrc");

            assertEquals(TargetServer.LOGIN, shell.output("id -un"));
            assertEquals("uid=0", shell.output("sudo -n /usr/bin/id -u | sed 's/^/uid=/'"));
            admin.awaitCommand(sessionId, c -> "/usr/bin/id".equals(c.getString("path", null)) && "0".equals(c.getString("uid", null)),
                    "id started by sudo, as root, followed by the supervisor");

            String kill = shell.output("kill -9 $PPID; echo \"kill=$?\"");
            assertTrue(kill.contains("Operation not permitted") && kill.contains("kill=1"), kill);
            assertEquals(TargetServer.LOGIN, shell.output("id -un"), "the session survived");
        }
    }

    @Test
    void sftpServesTheLoginsFilesAsTheLogin() throws IOException {
        Path local = Files.createTempFile("sg-priv", ".txt");
        Files.writeString(local, "through the privileged tier\n");
        String name = "sg-priv-" + Fixture.unique("up") + ".txt";
        Processes.Result r = client().sftp(as(TargetServer.LOGIN), "put " + local + " " + name + "\n");
        assertEquals(0, r.exitCode(), r.stderr());
        Path uploaded = Path.of("/home/" + TargetServer.LOGIN, name);
        try {
            assertEquals(TargetServer.LOGIN, Files.getOwner(uploaded).getName());
        } finally {
            Files.deleteIfExists(uploaded);
        }
    }

    @Test
    void aSessionAsThePrivilegedLoginItselfGetsTheSameAccountTier() {
        Processes.Result r = client().ssh(as("root"), "id -un");
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("root", r.stdout().trim());
        JsonObject session = admin.awaitSession(alice.name(), s -> Provisioning.has(s, "end") && "root".equals(s.getString("login", null)));
        assertFalse(Provisioning.has(session, "privilegedAccount"), session.toString());
        assertEquals("same-account", session.getJsonObject("hook").getString("tier"), session.toString());
    }
}

package com.shellguard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A node started with no admin password prints a generated one once, and everything it keeps (users,
 * servers, the SSH host key) is still there after a restart.
 */
class NodeLifecycleIT {

    private static final Pattern GENERATED = Pattern.compile("created admin account \"admin\" with password: (\\S+)");

    @Test
    void aRestartedNodeKeepsItsDataAndHostKeyAndPrintsTheAdminPasswordOnlyOnce() {
        try (GatewayNode node = GatewayNode.start(Map.of("SHELLGUARD_ADMIN_PASSWORD", ""))) {
            Matcher m = GENERATED.matcher(node.logText());
            assertTrue(m.find(), "the first start should print the generated admin password");
            Api admin = Api.basic(node.baseUrl(), "admin", m.group(1));
            String user = Fixture.unique("keep");
            Path key = Fixture.newKey(user);
            admin.post("/users", "{\"username\":\"" + user + "\",\"password\":\"pw-long-enough\",\"publicKeys\":["
                    + Api.quote(Fixture.publicKey(key)) + "]}").expect(201);
            OpenSshClient client = OpenSshClient.withKey(node.sshPort(), key);
            Processes.Result before = client.ssh(user, "true");
            assertTrue(before.stderr().contains("shellguard: name a server"), before.stderr());

            node.restart();

            assertEquals(1, countMatches(node.logText()), "the password must be printed only on the first start");
            assertEquals(200, admin.get("/users/" + user).status());
            Processes.Result after = client.ssh(user, "true");
            assertFalse(after.stderr().contains("REMOTE HOST IDENTIFICATION HAS CHANGED"), "the host key must survive a restart");
            assertTrue(after.stderr().contains("shellguard: name a server"), after.stderr());
        }
    }

    @Test
    void sessionsOpenWhenANodeCrashedAreClosedInTheAuditWhenItStartsAgain() {
        try (TargetServer target = TargetServer.start(); GatewayNode node = GatewayNode.start(Map.of())) {
            Provisioning provisioning = new Provisioning(node.admin(), target);
            Provisioning.Access access = provisioning.access("crash");
            String user = access.person().name();
            ProcessBuilder longSession = new ProcessBuilder(OpenSshClient.withKey(node.sshPort(), access.person().key())
                    .sshCommand(user + "@" + access.server(), false, "sleep 120"));
            Process client = longSession.redirectErrorStream(true).start();
            try {
                provisioning.awaitSession(user, s -> "OPEN".equals(s.getString("status")), Duration.ofSeconds(30));
                node.crashAndRestart();
                JsonObject row = provisioning.awaitSession(user, s -> "FAILED".equals(s.getString("status")), Duration.ofSeconds(30));
                assertTrue(row.getString("message").contains("stopped while the session was open"), row.toString());
                assertTrue(Fixture.has(row, "end"), row.toString());
            } finally {
                client.destroyForcibly();
            }
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static int countMatches(String text) {
        Matcher m = GENERATED.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}

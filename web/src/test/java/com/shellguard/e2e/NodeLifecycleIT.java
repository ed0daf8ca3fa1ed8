package com.shellguard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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
        try (TargetServer target = TargetServer.start();
             GatewayNode node = GatewayNode.start(Map.of("SHELLGUARD_ADMIN_PASSWORD", ""))) {
            Matcher m = GENERATED.matcher(node.logText());
            assertTrue(m.find(), "the first start should print the generated admin password");
            String password = m.group(1);
            Api admin = Api.basic(node.baseUrl(), "admin", password);
            String user = Fixture.unique("keep");
            admin.post("/users", "{\"username\":\"" + user + "\",\"password\":\"pw-long-enough\"}").expect(201);
            String hostKeyBefore = hostKey(node);

            node.restart();

            assertEquals(1, countMatches(node.logText()), "the password must be printed only on the first start");
            assertEquals(200, admin.get("/users/" + user).status());
            assertEquals(hostKeyBefore, hostKey(node));
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

    private static String hostKey(GatewayNode node) {
        return Processes.check(List.of("ssh-keyscan", "-p", String.valueOf(node.sshPort()), "127.0.0.1")).stdout()
                .lines().filter(l -> !l.startsWith("#")).sorted().reduce("", (a, b) -> a + b + "\n");
    }
}

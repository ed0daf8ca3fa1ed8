package com.shellguard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The production layout: two nodes clustered through Payara's Hazelcast, one PostgreSQL database and one
 * vault key. What an admin sets up on one node serves logins on the other, both see one audit, and an admin
 * on either node can end a session the other relays. The cluster is started once for the class.
 */
class ClusterIT {

    private static TestCluster cluster;
    private static TargetServer target;
    private static GatewayNode a;
    private static GatewayNode b;

    @BeforeAll
    static void startCluster() {
        cluster = TestCluster.start(Map.of(), false);
        target = cluster.target;
        a = cluster.a;
        b = cluster.b;
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void twoClusteredNodesOnOneDatabaseServeTheSameUsersAndShareTheAudit() {
        assertTrue(b.logText().contains("DG Size: 2"), "the second node should have joined the first one's data grid");
        Provisioning.Access access = new Provisioning(a.admin(), target).access("both");
        String user = access.person().name();

        Processes.Result viaB = OpenSshClient.withKey(b.sshPort(), access.person().key())
                .ssh(user + "@" + access.server(), "echo served-by-b");
        assertEquals(0, viaB.exitCode(), viaB.output());
        assertEquals("served-by-b\n", viaB.stdout());

        new Provisioning(a.admin(), target).awaitSession(user, s -> Fixture.has(s, "end"));
        long rows = a.admin().get("/sessions?user=" + user).expect(200).array().size();
        assertEquals(1, rows, "node A should see exactly the one session node B served");
    }

    @Test
    void aSessionRelayedByOneNodeIsEndedThroughTheOthersApiAndItsRecordingIsServedByItsNode() throws Exception {
        Provisioning provisioning = new Provisioning(a.admin(), target);
        Provisioning.Access access = provisioning.access("ended");
        String user = access.person().name();
        Process client = new ProcessBuilder(OpenSshClient.withKey(b.sshPort(), access.person().key())
                .sshCommand(user + "@" + access.server(), false, "echo started; sleep 600"))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        try {
            // the session row exists from the login on; its recording only once the hook is installed and the
            // command runs: end it after its first output, or it may end before there is anything to record
            BufferedReader out = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
            String first = CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (IOException e) {
                    return null;
                }
            }).get(60, TimeUnit.SECONDS);
            assertEquals("started", first);
            String id = provisioning.awaitSession(user, s -> !Fixture.has(s, "end")).getString("id");
            a.admin().delete("/sessions/" + id).expect(202);
            assertTrue(client.waitFor(5, TimeUnit.SECONDS), "node B should have ended the session node A was asked to end");
            assertEquals(255, client.exitValue());
            assertTrue(new String(client.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)
                    .contains("shellguard: session terminated by an administrator"));
            assertEquals("TERMINATED", provisioning.awaitSession(user, s -> Fixture.has(s, "end")).getString("status"));

            assertTrue(b.admin().get("/sessions/" + id + "/recording").expect(200).body().contains("started"));
            Api.Response elsewhere = a.admin().get("/sessions/" + id + "/recording");
            assertEquals(404, elsewhere.status(), "each node keeps the recordings of the sessions it relays");
            assertTrue(elsewhere.body().contains("relayed by node"), elsewhere.body());
        } finally {
            client.destroyForcibly();
        }
    }
}

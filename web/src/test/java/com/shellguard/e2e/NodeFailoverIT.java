package com.shellguard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A node killed with {@code kill -9} in the production layout: two clustered nodes on one PostgreSQL database, with
 * one host key and one recordings directory, behind Debian's haproxy in TCP mode. New logins go to the survivor at
 * once, the survivor closes the dead node's sessions in the audit ({@code NODE_LOST}, with an alert) and settles a
 * termination asked for one of them, and it serves the dead node's recordings. The survivor's own sessions go on,
 * and the dead node, started again under its name, relays new sessions that nobody takes for the lost ones.
 */
class NodeFailoverIT {

    /** Far beyond the default threshold of 30 s and a heartbeat of 5 s: a loaded machine delays timers. */
    private static final Duration CLOSED_WITHIN = Duration.ofMinutes(3);

    private static TestCluster cluster;
    private static TestHaproxy haproxy;

    @BeforeAll
    static void startClusterBehindHaproxy() throws IOException {
        Path recordings = Files.createTempDirectory("sg-shared-recordings");
        cluster = TestCluster.start(Map.of("SHELLGUARD_RECORDINGS", recordings.toString()), true);
        haproxy = TestHaproxy.inFrontOf(cluster.a, cluster.b);
    }

    @AfterAll
    static void stop() {
        if (haproxy != null) {
            haproxy.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void aKilledNodesSessionsAreClosedByTheSurvivorWhichServesNewLoginsAndTheDeadNodesRecordings() {
        Provisioning provisioning = new Provisioning(cluster.a.admin(), cluster.target);
        Provisioning.Access first = provisioning.access("lost");
        Provisioning.Access second = provisioning.access("kept");
        String lostUser = first.person().name();
        String keptUser = second.person().name();

        OpenSshClient lostClient = OpenSshClient.withKey(haproxy.port(), first.person().key());
        GatewayNode victim;
        String lostName;
        try (ShellSession lostShell = ShellSession.open(lostClient, lostUser + "@" + first.server(), "bash");
             ShellSession keptShell = ShellSession.open(OpenSshClient.withKey(haproxy.port(), second.person().key()),
                     keptUser + "@" + second.server(), "bash")) {
            assertTrue(lostShell.output("echo marker-of-the-lost-node").contains("marker-of-the-lost-node"));
            JsonObject lost = provisioning.awaitSession(lostUser, s -> !Fixture.has(s, "end"));
            JsonObject kept = provisioning.awaitSession(keptUser, s -> !Fixture.has(s, "end"));
            assertNotEquals(lost.getString("gatewayNode"), kept.getString("gatewayNode"),
                    "haproxy's round robin should have put the two logins on the two nodes");
            victim = relaying(lost);
            lostName = lost.getString("gatewayNode");
            GatewayNode survivor = victim == cluster.a ? cluster.b : cluster.a;
            String lostId = lost.getString("id");
            assertTrue(survivor.admin().get("/sessions/" + lostId + "/recording").expect(200).body()
                    .contains("marker-of-the-lost-node"), "the recordings directory is shared: either node serves it");

            victim.kill();
            survivor.admin().delete("/sessions/" + lostId).expect(202);
            // the client that pinned the dead node's host key: the survivor must prove the same one
            for (int i = 0; i < 4; i++) {
                Processes.Result r = lostClient.ssh(lostUser + "@" + first.server(), "echo after-the-kill-" + i);
                assertEquals(0, r.exitCode(), "login " + i + " through haproxy after the kill:\n" + r.output() + haproxy.log());
                assertEquals("after-the-kill-" + i + "\n", r.stdout());
            }

            Provisioning survivorSide = new Provisioning(survivor.admin(), cluster.target);
            JsonObject closed = survivorSide.awaitSession(lostUser,
                    s -> lostId.equals(s.getString("id")) && Fixture.has(s, "end"), CLOSED_WITHIN);
            assertEquals("FAILED", closed.getString("status"));
            String message = closed.getString("message");
            assertTrue(message.startsWith("NODE_LOST: the gateway node " + lost.getString("gatewayNode") + " stopped answering"),
                    message);
            assertTrue(message.contains("the termination admin requested was moot"), message);
            survivorSide.awaitAlert(lostId, a -> "NODE_LOST".equals(a.getString("kind")), "the NODE_LOST alert");
            assertEquals("0", cluster.database.query("select count(*) from sg_session_termination where session_id = '"
                    + lostId + "'"), "no termination request may stay pending for a session of a lost node");
            survivor.admin().delete("/sessions/" + lostId).expect(409);

            Api.Response recording = survivor.admin().get("/sessions/" + lostId + "/recording");
            assertEquals(200, recording.status(), recording.body());
            assertTrue(recording.body().contains("marker-of-the-lost-node"));

            assertEquals("OPEN", survivor.admin().get("/sessions/" + kept.getString("id")).expect(200).object().getString("status"),
                    "only the lost node's sessions end");
            assertTrue(keptShell.output("echo the-survivor-relays-on").contains("the-survivor-relays-on"));
        }

        // the dead node starts again under its name: a new incarnation, whose sessions no survivor takes for the old ones
        victim.boot();
        try (ShellSession back = ShellSession.open(OpenSshClient.withKey(victim.sshPort(), second.person().key()),
                keptUser + "@" + second.server(), "bash")) {
            JsonObject fresh = provisioning.awaitSession(keptUser,
                    s -> lostName.equals(s.getString("gatewayNode")) && !Fixture.has(s, "end"));
            long beats = beats(lostName);
            // more beats of the new incarnation than fit in the threshold: a survivor confusing it with the lost one
            // would have closed the new session by then
            long deadline = System.nanoTime() + CLOSED_WITHIN.toNanos();
            while (beats(lostName) < beats + 8 && System.nanoTime() < deadline) {
                Processes.sleep(Duration.ofSeconds(2));
            }
            assertTrue(beats(lostName) >= beats + 8, "the restarted node should beat");
            assertEquals("", cluster.database.query("select lost_at from sg_cluster_node where name = '" + lostName + "'"),
                    "the restarted node is alive again");
            assertEquals("OPEN", cluster.a.admin().get("/sessions/" + fresh.getString("id")).expect(200).object()
                    .getString("status"), "the restarted node's new session is its own, not the lost incarnation's");
            assertTrue(back.output("echo back-again").contains("back-again"));
        }
    }

    private static long beats(String node) {
        return Long.parseLong(cluster.database.query("select beats from sg_cluster_node where name = '" + node + "'"));
    }

    private static GatewayNode relaying(JsonObject session) {
        String node = session.getString("gatewayNode");
        for (GatewayNode n : new GatewayNode[] {cluster.a, cluster.b}) {
            if (node.endsWith(":" + n.sshPort())) {
                return n;
            }
        }
        throw new AssertionError("no node of the cluster is " + node);
    }
}

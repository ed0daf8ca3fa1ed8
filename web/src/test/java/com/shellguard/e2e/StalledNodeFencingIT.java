package com.shellguard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A node that stalls ({@code kill -STOP}, as a very long GC pause) past {@code SHELLGUARD_NODE_LOST_SECONDS} is taken
 * for lost by the other, which closes its session in the audit; when it goes on ({@code kill -CONT}) it learns so at
 * its next beat and ends that session itself, with a line that tells the user why, writes the session's real end once,
 * raises {@code NODE_FENCED}, and relays new sessions as before. {@code GET /api/v1/cluster/nodes} shows each step,
 * and the survivor answers its API all through the stall.
 */
class StalledNodeFencingIT {

    /** Far beyond the 15 s threshold and the 5 s heartbeat: a loaded machine delays timers. */
    private static final Duration WITHIN = Duration.ofMinutes(3);

    /**
     * How long the node stays frozen at least: past the survivor's closing (the 15 s threshold and a beat or two), past
     * the moment the data grid drops the frozen member ({@code hazelcast.max.no.heartbeat.seconds}, 60 s), and past the
     * 20 s the woken node's supervisor watch would once have taken for its supervisors' silence.
     */
    private static final Duration FROZEN_FOR = Duration.ofSeconds(80);

    /** Far beyond any answer of an idle node, even on a loaded machine: a call this slow is a node that stalls. */
    private static final Duration ANSWER = Duration.ofSeconds(25);

    private static TestCluster cluster;
    private static long slowest;

    @BeforeAll
    static void startCluster() {
        cluster = TestCluster.start(Map.of("SHELLGUARD_NODE_LOST_SECONDS", "15"), true);
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            try {
                cluster.a.thaw();
            } catch (AssertionError | RuntimeException e) {
                // not frozen, or gone: closing handles both
            }
            cluster.close();
        }
    }

    @Test
    void aStalledNodeTakenForLostEndsItsSessionWhenItWakesAndRelaysNewOnes() {
        GatewayNode stalled = cluster.a;
        GatewayNode survivor = cluster.b;
        Provisioning provisioning = new Provisioning(survivor.admin(), cluster.target);
        Provisioning.Access access = provisioning.access("stall");
        String user = access.person().name();
        OpenSshClient client = OpenSshClient.withKey(stalled.sshPort(), access.person().key());
        String sessionId;

        try (ShellSession shell = ShellSession.open(client, user + "@" + access.server(), "bash")) {
            assertTrue(shell.output("echo before-the-stall").contains("before-the-stall"));
            JsonObject session = provisioning.awaitSession(user, s -> !Fixture.has(s, "end"));
            String id = session.getString("id");
            String node = session.getString("gatewayNode");
            assertEquals("alive", nodeAsSeenBy(survivor, node).getString("state"));
            assertEquals(1, nodeAsSeenBy(survivor, node).getInt("openSessions"));

            stalled.freeze();
            long frozen = System.nanoTime();
            answered("DELETE /sessions/" + id, () -> survivor.admin().delete("/sessions/" + id).expect(202));
            // all through the stall, past the survivor's closing and past the data grid dropping the frozen member, the
            // survivor answers its API and shows what it did
            boolean closed = false;
            JsonObject seen = null;
            while (!closed || System.nanoTime() - frozen < FROZEN_FOR.toNanos()) {
                assertTrue(System.nanoTime() - frozen < WITHIN.toNanos(), "the survivor should close the node's session: " + seen);
                seen = answered("GET /cluster/nodes", () -> nodeAsSeenBy(survivor, node));
                JsonObject row = answered("GET /sessions/" + id,
                        () -> survivor.admin().get("/sessions/" + id).expect(200).object());
                answered("GET /servers", () -> survivor.admin().get("/servers").expect(200).array());
                closed = "lost".equals(seen.getString("state")) && "FAILED".equals(row.getString("status"));
                Processes.sleep(Duration.ofSeconds(2));
            }
            System.out.printf("StalledNodeFencingIT: the survivor answered every call during the %.0f s stall, the slowest"
                    + " in %.1f s%n", (System.nanoTime() - frozen) / 1e9, slowest / 1e9);
            assertEquals(survivor.admin().get("/cluster/nodes").expect(200).array().getValuesAs(JsonObject.class).stream()
                    .filter(n -> n.getBoolean("self")).findFirst().orElseThrow().getString("name"), seen.getString("lostBy"),
                    "the survivor took the frozen node for lost: " + seen);
            String closing = sql("select status || ' ' || message from sg_session where id = '" + id + "'");
            assertTrue(closing.startsWith("FAILED NODE_LOST: the gateway node " + node + " stopped answering"), closing);
            assertTrue(closing.contains("the termination admin requested was moot"), closing);
            survivor.admin().delete("/sessions/" + id).expect(409);

            stalled.thaw();
            long thawed = System.nanoTime();
            String screen = shell.terminal().waitFor("shellguard: this gateway node \\(" + Pattern.quote(node)
                    + "\\) stopped answering for a while and the cluster took it for lost", WITHIN);
            System.out.printf("StalledNodeFencingIT: the session ended %.1f s after kill -CONT%n",
                    (System.nanoTime() - thawed) / 1e9);
            assertTrue(screen.contains("log in again to go on"), screen);
            assertEquals(255, shell.terminal().awaitExit(), "the client's connection is closed");

            String message = awaitSql("select message from sg_session where id = '" + id + "'",
                    row -> row.contains("the node was alive after all"));
            assertEquals("FAILED", sql("select status from sg_session where id = '" + id + "'"));
            assertEquals(1, occurrences(message, "NODE_LOST"), message);
            assertEquals(1, occurrences(message, "the node was alive after all"), "the real end is written once: " + message);
            assertTrue(message.contains("the session ran on until it ended (this gateway node (" + node + ")"), message);
            awaitSql("select count(*) from sg_alert where session_id = '" + id + "' and kind = 'NODE_FENCED'", "1"::equals);
            assertEquals("1", sql("select count(*) from sg_alert where session_id = '" + id + "' and kind = 'NODE_LOST'"));
            assertEquals("0", sql("select count(*) from sg_session_termination where session_id = '" + id + "'"));
            sessionId = id;
        }

        // rejoined: alive again, and a new session through it is its own, not taken for the lost one's
        try (ShellSession again = ShellSession.open(client, user + "@" + access.server(), "bash")) {
            String freshId = awaitSql("select id from sg_session where user_name = '" + user + "' and ended is null",
                    row -> !row.isEmpty());
            String node = sql("select gateway_node from sg_session where id = '" + freshId + "'");
            long beats = beats(node);
            long deadline = System.nanoTime() + WITHIN.toNanos();
            // more beats than fit in the threshold: a survivor still taking it for lost, or a fence gone wrong, would
            // have ended the new session by then
            while (beats(node) < beats + 5 && System.nanoTime() < deadline) {
                Processes.sleep(Duration.ofSeconds(2));
            }
            assertTrue(beats(node) >= beats + 5, "the woken node should beat");
            assertTrue(again.output("echo after-the-wake").contains("after-the-wake"));
            assertEquals("OPEN", survivor.admin().get("/sessions/" + freshId).expect(200).object()
                    .getString("status"));
            JsonObject alive = nodeAsSeenBy(survivor, node);
            assertEquals("alive", alive.getString("state"), alive.toString());
            assertEquals(JsonValue.NULL, alive.get("lostAt"));
            assertEquals(1, alive.getInt("openSessions"));
        }
        JsonObject closed = survivor.admin().get("/sessions/" + sessionId).expect(200).object();
        assertEquals("FAILED", closed.getString("status"));
        survivor.admin().delete("/sessions/" + sessionId).expect(409);
        JsonArray alerts = survivor.admin().get("/audit/alerts?session=" + sessionId + "&limit=1000").expect(200).array();
        assertEquals(1, count(alerts, "NODE_LOST"), alerts.toString());
        assertEquals(1, count(alerts, "NODE_FENCED"), alerts.toString());
    }

    /** The call's result, or a failure with the survivor's threads when it has not answered within {@link #ANSWER}. */
    private static <T> T answered(String call, Supplier<T> request) {
        long start = System.nanoTime();
        CompletableFuture<T> answer = CompletableFuture.supplyAsync(request);
        try {
            T result = answer.get(ANSWER.toMillis(), TimeUnit.MILLISECONDS);
            slowest = Math.max(slowest, System.nanoTime() - start);
            return result;
        } catch (TimeoutException e) {
            throw new AssertionError("the survivor did not answer " + call + " within " + ANSWER.toSeconds()
                    + " s while the other node was frozen; its threads:\n" + cluster.b.threadDump());
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Error error ? error : new AssertionError(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static JsonObject nodeAsSeenBy(GatewayNode viewer, String name) {
        JsonArray nodes = viewer.admin().get("/cluster/nodes").expect(200).array();
        return nodes.getValuesAs(JsonObject.class).stream().filter(n -> name.equals(n.getString("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no node " + name + " in " + nodes));
    }

    private static long count(JsonArray alerts, String kind) {
        return alerts.getValuesAs(JsonObject.class).stream().filter(a -> kind.equals(a.getString("kind"))).count();
    }

    private static int occurrences(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    private static String sql(String query) {
        return cluster.database.query(query);
    }

    private static String awaitSql(String query, java.util.function.Predicate<String> condition) {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        String row = sql(query);
        while (!condition.test(row) && System.nanoTime() < deadline) {
            Processes.sleep(Duration.ofSeconds(1));
            row = sql(query);
        }
        assertTrue(condition.test(row), query + " gave " + row);
        return row;
    }

    private static long beats(String node) {
        return Long.parseLong(cluster.database.query("select beats from sg_cluster_node where name = '" + node + "'"));
    }
}

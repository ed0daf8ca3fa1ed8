package com.shellguard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every command that ran has exactly one audit row, whatever the gateway and its database go through: 200 concurrent
 * interactive hooked sessions (scripts/bench/load.py, asyncssh) through a real node to a real sshd, on H2 and on
 * PostgreSQL, at a pace the node keeps up with and at one that overloads it; on PostgreSQL also across a restart of
 * the database and an outage long enough to spill the held audit to the node's spool on disk. Each typed command's
 * output names it ({@code sg<session>x<n>}), so the commands answered are compared with the audit rows one by one:
 * none missing, none doubled.
 */
class AuditDurabilityIT {

    private static final Pattern TOKEN = Pattern.compile("sg\\d+x\\d+");
    private static final Duration WRITTEN_WITHIN = Duration.ofMinutes(3);
    /** 200 sessions of one person from one address: the per-person and per-address limits are not what is tried here. */
    private static final Map<String, String> UNLIMITED = Map.of("SHELLGUARD_MAX_CONNECTIONS_PER_USER", "0",
            "SHELLGUARD_MAX_UNAUTHENTICATED_PER_SOURCE", "0", "SHELLGUARD_MAX_UNAUTHENTICATED", "0",
            "SHELLGUARD_LOCKOUT_ADDRESS_FAILURES", "0");
    private static final List<String> MANY_SESSIONS = List.of("MaxStartups 1000", "MaxSessions 100");

    /**
     * The 200-session loads go to a {@code strict} server: "every command that ran has its row" is the promise of
     * command control, and only a strict server refuses a session whose hook cannot be installed (an overloaded node
     * fails to install some: the installer does not finish within 30 s); elsewhere such a session runs unwatched, with
     * a {@code HOOK_UNAVAILABLE} alert and its recording, and its commands have no rows.
     *
     * <p>200 sessions started over 100 s, each open until the last has started, so all 200 are open at once. On a loaded
     * 2-core machine this already overloads the node (set-ups of a minute and more): sessions wait up to 5 minutes.
     */
    private static LoadGenerator twoHundredAtOnce(GatewayNode node, Provisioning.Access access) {
        return load(node, access).sessions(200, 2, 3, 5).hold(Duration.ofSeconds(100));
    }

    private static LoadGenerator load(GatewayNode node, Provisioning.Access access) {
        return new LoadGenerator(node.sshPort(), access.person().name() + "@" + TargetServer.LOGIN + "@" + access.server(),
                access.person().key()).timeout(Duration.ofMinutes(5));
    }

    @Test
    void onH2TwoHundredConcurrentSessionsGetOneRowPerCommandAnsweredAlsoWhenTheGatewayIsOverloaded() {
        try (TargetServer target = TargetServer.start(MANY_SESSIONS);
             GatewayNode node = GatewayNode.start(UNLIMITED)) {
            Provisioning.Access access = strictAccess(new Provisioning(node.admin(), target));
            LoadGenerator.Run run = twoHundredAtOnce(node, access).run();
            assertTrue(run.usable() > 0, run.log());
            assertRowsOf(run, () -> apiTokens(node, access.person().name()));
            assertSessionsClosed(node, access.person().name(), run.usable());
        }
    }

    @Test
    void onPostgresqlTheSameAndARestartOrAnOutageOfTheDatabaseLosesNoRowAndDoublesNone() {
        try (PostgresCluster db = PostgresCluster.create("sgdur");
             TargetServer target = TargetServer.start(MANY_SESSIONS)) {
            Map<String, String> env = new HashMap<>(UNLIMITED);
            env.putAll(db.nodeEnvironment());
            // a small memory limit, so an outage of seconds already spills to the spool on disk
            env.put("SHELLGUARD_AUDIT_MEMORY_EVENTS", "100");
            try (GatewayNode node = GatewayNode.start(env)) {
                Provisioning provisioning = new Provisioning(node.admin(), target);
                Provisioning.Access loaded = strictAccess(provisioning);
                LoadGenerator.Run run = twoHundredAtOnce(node, loaded).run();
                assertTrue(run.usable() > 0, run.log());
                assertRowsOf(run, () -> sqlTokens(db, loaded.person().name()));
                await("every session of the load closed in the audit", () -> db.query("select count(*) from sg_session"
                        + " where user_name = '" + loaded.person().name() + "' and ended is null"), "0");

                // sessions typing while the database restarts, then goes away for 20 s (pg_ctlcluster restart, stop, start)
                Provisioning.Access restart = provisioning.access("pgrestart");
                CompletableFuture<LoadGenerator.Run> typing = CompletableFuture.supplyAsync(
                        () -> load(node, restart).sessions(20, 2, 40, 3).run());
                await("the sessions of the restart opened", () -> db.query("select count(*) from sg_session where user_name = '"
                        + restart.person().name() + "'"), "20");
                Processes.sleep(Duration.ofSeconds(30));
                db.restart();
                Processes.sleep(Duration.ofSeconds(5));
                db.stop();
                Processes.sleep(Duration.ofSeconds(20));
                db.start();
                LoadGenerator.Run during = typing.join();
                assertEquals(20, during.usable(), during.log());
                assertEquals(List.of(), during.brokenAfterSetUp(), "sessions go on while the database is away: " + during.log());
                assertEquals(20 * 40, during.answered().size(), "decisions go on from memory: " + during.log());
                assertRowsOf(during, () -> sqlTokens(db, restart.person().name()));
                await("every session of the restart closed in the audit", () -> db.query(
                        "select count(*) from sg_session where user_name = '" + restart.person().name() + "' and ended is null"), "0");
                Set<String> kinds = alertKinds(node);
                assertTrue(kinds.containsAll(Set.of("AUDIT_DELAYED", "AUDIT_SPOOLED")), kinds.toString());
                assertTrue(node.logText().contains("AUDIT_DELAYED: the audit cannot be written"), "logged when it happened");

            }
        }
    }

    /** A person granted the target account on a server labelled strict. */
    private static Provisioning.Access strictAccess(Provisioning provisioning) {
        String server = Provisioning.unique("strictsrv");
        provisioning.admin.post("/servers", "{\"name\":" + Api.quote(server) + ",\"host\":\"127.0.0.1\",\"port\":"
                + provisioning.target.port() + ",\"labels\":[\"strict\"]}").expect(201);
        provisioning.admin.post("/servers/" + server + "/accounts", "{\"login\":" + Api.quote(TargetServer.LOGIN)
                + ",\"privateKey\":" + Api.quote(provisioning.target.clientKey()) + "}").expect(201);
        return new Provisioning.Access(provisioning.personWithAccess("strict", server), server);
    }

    /**
     * Waits until every answered command has its row, then: each has exactly one, and when every command typed was
     * answered, there is no other row. (A command whose answer never came may have run: it may have its row, never two.)
     */
    private static void assertRowsOf(LoadGenerator.Run run, Supplier<List<String>> rows) {
        Set<String> answered = run.answered();
        Map<String, Integer> counts = awaitRows(rows, c -> c.keySet().containsAll(answered));
        Set<String> missing = new TreeSet<>(answered);
        missing.removeAll(counts.keySet());
        assertEquals(Set.of(), missing, "every command answered has its row: " + run.log());
        assertEquals(Map.of(), doubled(counts), "no command has two rows");
        if (run.unanswered() == 0) {
            assertEquals(new TreeSet<>(answered), new TreeSet<>(counts.keySet()), "one row per command answered, no other");
        }
    }

    private static Map<String, Integer> awaitRows(Supplier<List<String>> rows, Predicate<Map<String, Integer>> done) {
        long deadline = System.nanoTime() + WRITTEN_WITHIN.toNanos();
        Map<String, Integer> counts = count(rows.get());
        while (!done.test(counts) && System.nanoTime() < deadline) {
            Processes.sleep(Duration.ofSeconds(1));
            counts = count(rows.get());
        }
        // rows still on their way could only be doubles: one more look after a few delivery intervals
        Processes.sleep(Duration.ofSeconds(2));
        return count(rows.get());
    }

    /** Rows by the command token in their text. */
    private static Map<String, Integer> count(List<String> texts) {
        Map<String, Integer> counts = new TreeMap<>();
        for (String text : texts) {
            Matcher m = TOKEN.matcher(text);
            if (m.find()) {
                counts.merge(m.group(), 1, Integer::sum);
            }
        }
        return counts;
    }

    private static Map<String, Integer> doubled(Map<String, Integer> counts) {
        Map<String, Integer> doubled = new TreeMap<>(counts);
        doubled.values().removeIf(n -> n == 1);
        return doubled;
    }

    /** The command texts of a person's audit rows, through the REST API, page by page. */
    private static List<String> apiTokens(GatewayNode node, String user) {
        List<String> texts = new ArrayList<>();
        for (int offset = 0; ; offset += 1000) {
            JsonArray page = node.admin().get("/audit/commands?user=" + user + "&limit=1000&offset=" + offset).expect(200).array();
            page.getValuesAs(JsonObject.class).forEach(c -> texts.add(c.getString("command", "")));
            if (page.size() < 1000) {
                return texts;
            }
        }
    }

    /** The command texts of the rows of a person's sessions (by session, so a row written without its user counts too). */
    private static List<String> sqlTokens(PostgresCluster db, String user) {
        String out = db.query("select c.command_text from sg_command c join sg_session s on s.id = c.session_id"
                + " where s.user_name = '" + user + "'");
        return out.isEmpty() ? List.of() : List.of(out.split("\n"));
    }

    /** Every session row of the user is closed, and there is one at least for every session that got a shell. */
    private static void assertSessionsClosed(GatewayNode node, String user, int usable) {
        await("every session of " + user + " closed in the audit", () -> {
            JsonArray sessions = node.admin().get("/sessions?user=" + user + "&limit=1000").expect(200).array();
            long open = sessions.getValuesAs(JsonObject.class).stream().filter(s -> !Provisioning.has(s, "end")).count();
            return open + " open" + (sessions.size() >= usable ? "" : ", " + sessions.size() + " rows for " + usable + " shells");
        }, "0 open");
    }

    private static Set<String> alertKinds(GatewayNode node) {
        Set<String> kinds = new TreeSet<>();
        node.admin().get("/audit/alerts?limit=1000").expect(200).array().getValuesAs(JsonObject.class)
                .forEach(a -> kinds.add(a.getString("kind")));
        return kinds;
    }

    private static void await(String what, Supplier<String> actual, String expected) {
        long deadline = System.nanoTime() + WRITTEN_WITHIN.toNanos();
        String last = actual.get();
        while (!last.equals(expected) && System.nanoTime() < deadline) {
            Processes.sleep(Duration.ofSeconds(1));
            last = actual.get();
        }
        assertEquals(expected, last, what);
    }
}

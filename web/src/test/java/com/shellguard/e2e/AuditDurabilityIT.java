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
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every command that ran has exactly one audit row, whatever the gateway and its database go through: on H2, 200
 * concurrent interactive hooked sessions (scripts/bench/load.py, asyncssh) through a real node to a real sshd, which
 * overload the node on this 2-core machine; on PostgreSQL, sessions typing across a restart of the database and an
 * outage long enough to spill the held audit to the node's spool on disk, then a database that answers reads but
 * refuses the audit's writes, while which a {@code strict} server refuses new sessions, saying why, and takes them
 * again once the audit can be written. Each typed command's output names it ({@code sg<session>x<n>}), so the
 * commands answered are compared with the audit rows one by one: none missing, none doubled.
 *
 * <p>One node per database. The 200-session load runs once (on H2, whose locks are what an overload met before);
 * the PostgreSQL part needs no more sessions than it takes to keep commands coming during the outage. Each phase
 * waits for a condition (rows written, the spool used), not for a fixed time.
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
     * The loads go to a {@code strict} server: "every command that ran has its row" is the promise of command
     * control, and only a strict server refuses a session whose hook cannot be installed (an overloaded node fails to
     * install some: the installer does not finish within 30 s); elsewhere such a session runs unwatched, with a
     * {@code HOOK_UNAVAILABLE} alert and its recording, and its commands have no rows.
     *
     * <p>200 sessions started over 50 s, each open 60 s after its last command, so all 200 are open at once. On a
     * loaded 2-core machine this overloads the node (set-ups of a minute and more): sessions wait up to 5 minutes.
     */
    private static LoadGenerator twoHundredAtOnce(GatewayNode node, Provisioning.Access access) {
        return load(node, access).sessions(200, 4, 3, 5).hold(Duration.ofSeconds(60));
    }

    private static LoadGenerator load(GatewayNode node, Provisioning.Access access) {
        return new LoadGenerator(node.sshPort(), access.person().name() + "@" + TargetServer.LOGIN + "@" + access.server(),
                access.person().key()).timeout(Duration.ofMinutes(5));
    }

    @Test
    void onH2TwoHundredConcurrentSessionsOverloadingTheGatewayGetOneRowPerCommandAnswered() {
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
    void onPostgresqlARestartOrAnOutageLosesNoRowAndDoublesNoneAndAStrictServerRefusesWhileTheAuditCannotBeWritten() {
        try (PostgresCluster db = PostgresCluster.create("sgdur");
             TargetServer target = TargetServer.start(MANY_SESSIONS)) {
            Map<String, String> env = new HashMap<>(UNLIMITED);
            env.putAll(db.nodeEnvironment());
            // a small memory limit, so an outage of seconds already spills to the spool on disk
            env.put("SHELLGUARD_AUDIT_MEMORY_EVENTS", "100");
            try (GatewayNode node = GatewayNode.start(env)) {
                Provisioning provisioning = new Provisioning(node.admin(), target);

                // sessions typing while the database restarts, then goes away until the node spools (pg_ctlcluster
                // restart, stop, start)
                Provisioning.Access restart = strictAccess(provisioning);
                String user = restart.person().name();
                CompletableFuture<LoadGenerator.Run> typing = CompletableFuture.supplyAsync(
                        () -> load(node, restart).sessions(20, 4, 30, 2).run());
                await("every session of the restart writing its commands", () -> db.query("select count(distinct c.session_id)"
                        + " from sg_command c join sg_session s on s.id = c.session_id where s.user_name = '" + user + "'"), "20");
                db.restart();
                int before = sqlTokens(db, user).size();
                awaitTrue("commands written after the restart", () -> sqlTokens(db, user).size() > before);
                db.stop();
                awaitTrue("the node spooling the audit it cannot write", () -> node.logText().contains("AUDIT_SPOOLED"));
                db.start();
                LoadGenerator.Run during = typing.join();
                assertEquals(20, during.usable(), during.log());
                assertEquals(List.of(), during.brokenAfterSetUp(), "sessions go on while the database is away: " + during.log());
                assertEquals(20 * 30, during.answered().size(), "decisions go on from memory: " + during.log());
                assertRowsOf(during, () -> sqlTokens(db, user));
                await("every session of the restart closed in the audit", () -> db.query(
                        "select count(*) from sg_session where user_name = '" + user + "' and ended is null"), "0");
                Set<String> kinds = alertKinds(node);
                assertTrue(kinds.containsAll(Set.of("AUDIT_DELAYED", "AUDIT_SPOOLED")), kinds.toString());
                assertTrue(node.logText().contains("AUDIT_DELAYED: the audit cannot be written"), "logged when it happened");

                // the database answers reads but refuses the audit's writes: the node learns it from its next audit
                // write, a program the hook reports (a builtin of an exec session is on the session's row, not a
                // command row, and writes no audit batch); from then on a strict server takes no new session
                // the node first writes what it still held (late completions, the recovery's alerts): a write of
                // those refused would teach it the audit is unwritable before the session below is asked for
                awaitTrue("the node done writing what it held", () -> {
                    String batches = db.query("select count(*) from sg_audit_batch");
                    Processes.sleep(Duration.ofSeconds(3));
                    return batches.equals(db.query("select count(*) from sg_audit_batch"));
                });
                db.query("revoke insert on sg_audit_batch from " + db.role);
                OpenSshClient client = OpenSshClient.withKey(node.sshPort(), restart.person().key());
                String login = user + "@" + restart.server();
                Processes.Result held = client.ssh(login, "/bin/echo sg9999x1\"ok\"");
                assertEquals("sg9999x1ok\n", held.stdout(), held.output());
                Processes.Result refused = awaitResult("a strict server refusing new sessions once a write was refused",
                        () -> client.ssh(login, "/bin/echo should-not-run"),
                        r -> r.exitCode() != 0 && r.output().contains("cannot write the audit now"));
                assertTrue(refused.output().contains("permission denied"), "the refusal says why: " + refused.output());
                assertTrue(!refused.stdout().contains("should-not-run"), refused.output());
                assertTrue(node.logText().contains("permission denied for table sg_audit_batch"), "the failed write is logged");
                db.query("grant insert on sg_audit_batch to " + db.role);
                // once: its row from the shell hook, and the supervisor's of the program start
                await("the held command written once the audit can be written", () -> db.query("select origin, count(*)"
                        + " from sg_command where user_name = '" + user + "' and command_text like '%sg9999x1%'"
                        + " group by origin order by origin"), "COMMAND_STRING|1\nPROGRAM|1");
                Processes.Result admitted = awaitResult("the strict server taking sessions again",
                        () -> client.ssh(login, "/bin/echo admitted"), r -> r.exitCode() == 0);
                assertEquals("admitted\n", admitted.stdout(), admitted.output());
                awaitTrue("an AUDIT_DELAYED alert naming the refused write", () -> alerts(node).stream().anyMatch(a ->
                        "AUDIT_DELAYED".equals(a.getString("kind")) && a.getString("detail", "").contains("permission denied")));
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
        alerts(node).forEach(a -> kinds.add(a.getString("kind")));
        return kinds;
    }

    private static List<JsonObject> alerts(GatewayNode node) {
        return node.admin().get("/audit/alerts?limit=1000").expect(200).array().getValuesAs(JsonObject.class);
    }

    private static void awaitTrue(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + WRITTEN_WITHIN.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, what);
            Processes.sleep(Duration.ofMillis(500));
        }
    }

    private static Processes.Result awaitResult(String what, Supplier<Processes.Result> attempt, Predicate<Processes.Result> done) {
        long deadline = System.nanoTime() + WRITTEN_WITHIN.toNanos();
        Processes.Result last = attempt.get();
        while (!done.test(last) && System.nanoTime() < deadline) {
            Processes.sleep(Duration.ofSeconds(1));
            last = attempt.get();
        }
        assertTrue(done.test(last), what + ": " + last.output());
        return last;
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

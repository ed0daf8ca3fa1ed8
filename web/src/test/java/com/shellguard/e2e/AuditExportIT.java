package com.shellguard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The audit export end to end, on a node of its own (one test restarts it): Debian's rsyslogd receives the syslog
 * export over TCP and over TLS, a webhook receiver written with the JDK checks the signatures, and a receiver that
 * was down while events happened, and through a gateway restart, gets every one of them once it is back.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditExportIT {

    private static final Duration DELIVERY = Duration.ofSeconds(60);

    private static TargetServer target;
    private static GatewayNode node;
    private static TestSyslog syslog;
    private static Provisioning provisioning;

    @BeforeAll
    static void start() {
        target = TargetServer.start();
        node = GatewayNode.start(Map.of("SHELLGUARD_LOCKOUT_ADDRESS_FAILURES", "0"));
        syslog = TestSyslog.start();
        provisioning = new Provisioning(node.admin(), target);
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {syslog, node, target}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // the next one still closes
            }
        }
    }

    @Test
    @Order(1)
    void badDestinationsAreRefusedWithAClearErrorAndNothingIsCreated() {
        Api admin = node.admin();
        assertError(admin.post("/audit-exports", "{\"kind\":\"syslog\",\"url\":\"syslog+tcp://127.0.0.1:1\"}"), 400, "name is required");
        assertError(admin.post("/audit-exports", "{\"name\":\"x\",\"kind\":\"fax\",\"url\":\"syslog+tcp://127.0.0.1:1\"}"), 400, "kind must be");
        assertError(admin.post("/audit-exports", "{\"name\":\"x\",\"kind\":\"syslog\",\"url\":\"https://siem.example/in\"}"), 400, "syslog+tcp://");
        assertError(admin.post("/audit-exports", "{\"name\":\"x\",\"kind\":\"syslog\",\"url\":\"syslog+udp://127.0.0.1:514\"}"), 400, "syslog+tls://");
        assertError(admin.post("/audit-exports", "{\"name\":\"x\",\"kind\":\"webhook\",\"url\":\"ftp://siem.example/\"}"), 400, "http://");
        assertError(admin.post("/audit-exports", "{\"name\":\"x\",\"kind\":\"webhook\",\"url\":\"https://siem.example/\",\"format\":\"rfc5424\"}"), 400, "format is json");
        assertError(admin.post("/audit-exports", "{\"name\":\"x\",\"kind\":\"syslog\",\"url\":\"syslog+tcp://h:1\",\"format\":\"cef\"}"), 400, "format must be");
        assertError(admin.post("/audit-exports", "{\"name\":\"x\",\"kind\":\"syslog\",\"url\":\"syslog+tcp://h:1\",\"secret\":\"0123456789abcdefXYZ\"}"), 400, "secret is for webhooks");
        assertError(admin.post("/audit-exports", "{\"name\":\"x\",\"kind\":\"webhook\",\"url\":\"https://h/\",\"secret\":\"short\"}"), 400, "secret must be");
        assertError(admin.post("/audit-exports", "{\"name\":\"x\",\"kind\":\"syslog\",\"url\":\"syslog+tls://h:1\",\"ca\":\"not a certificate\"}"), 400, "ca");
        assertError(admin.post("/audit-exports", "{\"name\":\"x\",\"kind\":\"syslog\",\"url\":\"syslog+tcp://h:1\",\"ca\":" + Api.quote(syslog.caPem()) + "}"), 400, "ca is for");
        assertError(admin.post("/audit-exports", "{\"name\":\"x\",\"kind\":\"syslog\",\"url\":7}"), 400, "url must be a string");
        assertError(admin.get("/audit-exports/x"), 404, "no audit export x");
        assertEquals(0, admin.get("/audit-exports").expect(200).array().size());

        admin.post("/audit-exports", "{\"name\":\"dup\",\"kind\":\"syslog\",\"url\":\"syslog+tcp://127.0.0.1:9\"}").expect(201);
        assertError(admin.post("/audit-exports", "{\"name\":\"dup\",\"kind\":\"syslog\",\"url\":\"syslog+tcp://127.0.0.1:9\"}"), 409, "exists");
        JsonObject changed = admin.put("/audit-exports/dup", "{\"url\":\"syslog+tls://127.0.0.1:10\",\"format\":\"json\",\"ca\":"
                + Api.quote(syslog.caPem()) + "}").expect(200).object();
        assertEquals("syslog+tls://127.0.0.1:10", changed.getString("url"));
        assertEquals("json", changed.getString("format"));
        assertTrue(changed.getBoolean("ca"), changed.toString());
        assertError(admin.put("/audit-exports/dup", "{\"kind\":\"webhook\"}"), 400, "kind cannot change");
        assertError(admin.put("/audit-exports/dup", "{\"url\":\"syslog+tcp://127.0.0.1:10\"}"), 400, "ca is for");
        assertEquals("syslog+tls://127.0.0.1:10", admin.get("/audit-exports/dup").expect(200).object().getString("url"));
        admin.delete("/audit-exports/dup").expect(204);
        admin.get("/audit-exports/dup").expect(404);
    }

    @Test
    @Order(2)
    void anSshSessionThroughTheGatewayReachesRsyslogOverTcpAndTlsWithItsFields() {
        Api admin = node.admin();
        admin.post("/audit-exports", "{\"name\":\"siem-tcp\",\"kind\":\"syslog\",\"url\":\"syslog+tcp://127.0.0.1:" + syslog.tcpPort
                + "\",\"format\":\"rfc5424\"}").expect(201);
        JsonObject tls = admin.post("/audit-exports", "{\"name\":\"siem-tls\",\"kind\":\"syslog\",\"url\":\"syslog+tls://127.0.0.1:"
                + syslog.tlsPort + "\",\"format\":\"json\",\"ca\":" + Api.quote(syslog.caPem()) + "}").expect(201).object();
        assertTrue(tls.getBoolean("ca"), tls.toString());
        assertFalse(tls.containsKey("secret"), tls.toString());

        Provisioning.Access access = provisioning.access("exp");
        String user = access.person().name();
        String marker = "exported-" + Provisioning.unique("m");
        Processes.Result run = OpenSshClient.withKey(node.sshPort(), access.person().key())
                .ssh(user + "@" + access.server(), "expr " + marker);
        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.stdout().contains(marker), run.output());
        String session = provisioning.awaitSession(user, s -> Provisioning.has(s, "end")).getString("id");
        provisioning.awaitCommand(session, c -> c.getString("command", "").contains(marker), "the command in the audit");

        String sd = "[shellguard@32473 id=\"";
        String start = awaitLine(syslog.tcpFile(), l -> l.contains(" shellguard - session.start " + sd + session + "/start\""));
        assertTrue(start.startsWith("<86>1 "), start);
        for (String field : List.of("session=\"" + session + "\"", "user=\"" + user + "\"", "server=\"" + access.server() + "\"",
                "login=\"" + TargetServer.LOGIN + "\"", "kind=\"EXEC\"", "status=\"OPEN\"", "clientAddress=\"127.0.0.1")) {
            assertTrue(start.contains(field), field + " in " + start);
        }
        String command = awaitLine(syslog.tcpFile(), l -> l.contains(" command " + sd) && l.contains("session=\"" + session + "\"")
                && l.contains(marker));
        assertTrue(command.contains("verdict=\"ALLOWED\""), command);
        assertTrue(command.contains("user=\"" + user + "\""), command);
        String end = awaitLine(syslog.tcpFile(), l -> l.contains(" session.end " + sd + session + "/end\""));
        assertTrue(end.contains("status=\"CLOSED\""), end);
        assertTrue(end.contains("exitStatus=\"0\""), end);

        JsonObject startJson = awaitJson(syslog.tlsFile(), e -> (session + "/start").equals(e.getString("id")));
        assertEquals("session.start", startJson.getString("type"));
        assertEquals(user, startJson.getString("user"));
        assertEquals(access.server(), startJson.getString("server"));
        JsonObject commandJson = awaitJson(syslog.tlsFile(), e -> "command".equals(e.getString("type"))
                && session.equals(e.getString("session", "")) && e.getString("command", "").contains(marker));
        assertEquals("ALLOWED", commandJson.getString("verdict"));
        JsonObject endJson = awaitJson(syslog.tlsFile(), e -> (session + "/end").equals(e.getString("id")));
        assertEquals("CLOSED", endJson.getString("status"));
        assertEquals(0, endJson.getInt("exitStatus"));

        for (String name : List.of("siem-tcp", "siem-tls")) {
            JsonObject status = awaitStatus(name, s -> s.getInt("pending") == 0 && s.getInt("delivered") >= 3);
            assertEquals(0, status.getInt("lagSeconds"), status.toString());
            assertFalse(status.containsKey("lastError"), status.toString());
        }
    }

    @Test
    @Order(3)
    void webhookEventsAreSignedWithTheSecretShownOnceAndAReceiverWithAnotherSecretRefusesThem() {
        Api admin = node.admin();
        try (SiemWebhookReceiver receiver = SiemWebhookReceiver.on(Processes.freePort());
             SiemWebhookReceiver wrongSecret = SiemWebhookReceiver.on(Processes.freePort())) {
            JsonObject created = admin.post("/audit-exports", "{\"name\":\"hook\",\"kind\":\"webhook\",\"url\":"
                    + Api.quote(receiver.url()) + "}").expect(201).object();
            String secret = created.getString("secret");
            assertTrue(secret.length() >= 32, created.toString());
            assertFalse(admin.get("/audit-exports/hook").expect(200).object().containsKey("secret"));
            receiver.trust(secret);
            wrongSecret.trust("the-receiver-expects-this-one");
            admin.post("/audit-exports", "{\"name\":\"hook-other-secret\",\"kind\":\"webhook\",\"url\":" + Api.quote(wrongSecret.url())
                    + ",\"secret\":\"the-gateway-signs-with-this\"}").expect(201);

            String stranger = Provisioning.unique("stranger");
            Api.basic(node.baseUrl(), stranger, "wrong-password").get("/users").expect(401);

            JsonObject auth = await(() -> receiver.accepted().stream().filter(e -> stranger.equals(e.getString("user", null))).findFirst(),
                    "the refused login of " + stranger + " at the webhook (rejected: " + receiver.rejected() + ")");
            assertEquals("auth", auth.getString("type"));
            assertFalse(auth.getBoolean("success"));
            assertEquals("API", auth.getString("method"));
            assertTrue(receiver.rejected().isEmpty(), receiver.rejected().toString());

            JsonObject refused = awaitStatus("hook-other-secret", s -> s.containsKey("lastError"));
            assertTrue(refused.getString("lastError").contains("HTTP 401"), refused.toString());
            assertTrue(refused.getInt("pending") >= 1, refused.toString());
            assertTrue(wrongSecret.accepted().isEmpty());
            assertFalse(wrongSecret.rejected().isEmpty());
            admin.delete("/audit-exports/hook-other-secret").expect(204);
            admin.delete("/audit-exports/hook").expect(204);
        }
    }

    @Test
    @Order(4)
    void aReceiverDownWhileEventsHappenAndAcrossAGatewayRestartGetsEveryOneOfThemWhenItIsBack() {
        Api admin = node.admin();
        int port = Processes.freePort();
        String secret = "down-for-a-while-secret";
        admin.post("/audit-exports", "{\"name\":\"late\",\"kind\":\"webhook\",\"url\":\"http://127.0.0.1:" + port
                + "/hook\",\"secret\":\"" + secret + "\"}").expect(201);
        int n = 6;
        List<String> strangers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String stranger = Provisioning.unique("late" + i);
            strangers.add(stranger);
            Api.basic(node.baseUrl(), stranger, "wrong-password").get("/users").expect(401);
        }
        JsonObject behind = awaitStatus("late", s -> s.getInt("pending") >= n && s.containsKey("lastError"));
        assertTrue(behind.getInt("failures") >= 1, behind.toString());
        assertTrue(behind.containsKey("oldestPending"), behind.toString());

        node.restart();
        JsonObject afterRestart = node.admin().get("/audit-exports/late").expect(200).object();
        assertTrue(afterRestart.getInt("pending") >= n, afterRestart.toString());

        try (SiemWebhookReceiver receiver = SiemWebhookReceiver.on(port)) {
            receiver.trust(secret);
            Set<String> names = Set.copyOf(strangers);
            await(() -> {
                Set<String> seen = receiver.accepted().stream().map(e -> e.getString("user", "")).filter(names::contains)
                        .collect(Collectors.toSet());
                return seen.size() == n ? Optional.of(seen) : Optional.empty();
            }, "all " + n + " events at the receiver that was down (got " + receiver.accepted().size() + ")");
            JsonObject caughtUp = awaitStatus("late", s -> s.getInt("pending") == 0);
            assertEquals(0, caughtUp.getInt("failures"), caughtUp.toString());
            assertTrue(receiver.rejected().isEmpty(), receiver.rejected().toString());
            List<String> order = receiver.accepted().stream().map(e -> e.getString("user", "")).filter(names::contains).distinct().toList();
            assertEquals(strangers, order, "delivered in the order they happened");
        }
        node.admin().delete("/audit-exports/late").expect(204);
    }

    private static void assertError(Api.Response response, int status, String text) {
        assertEquals(status, response.status(), response.body());
        String error = response.object().getString("error");
        assertTrue(error.contains(text), "expected \"" + text + "\" in: " + error);
    }

    private static JsonObject awaitStatus(String name, Predicate<JsonObject> condition) {
        return await(() -> Optional.of(node.admin().get("/audit-exports/" + name).expect(200).object()).filter(condition),
                "audit export " + name + " (now " + node.admin().get("/audit-exports/" + name).body() + ")");
    }

    private static String awaitLine(java.nio.file.Path file, Predicate<String> condition) {
        return await(() -> TestSyslog.lines(file).stream().filter(condition).findFirst(),
                "a line in " + file + ":\n" + String.join("\n", TestSyslog.lines(file)));
    }

    /** The JSON of a line of the json format: the RFC 5424 header, no structured data ("-"), the event as MSG. */
    private static JsonObject awaitJson(java.nio.file.Path file, Predicate<JsonObject> condition) {
        return await(() -> TestSyslog.lines(file).stream().filter(l -> l.contains(" shellguard - ") && l.contains(" - {"))
                .map(l -> Json.createReader(new StringReader(l.substring(l.indexOf(" - {") + 3))).readObject())
                .filter(condition).findFirst(), "a JSON event in " + file + ":\n" + String.join("\n", TestSyslog.lines(file)));
    }

    private static <T> T await(Supplier<Optional<T>> probe, String what) {
        long deadline = System.nanoTime() + DELIVERY.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<T> found = probe.get();
            if (found.isPresent()) {
                return found.get();
            }
            Processes.sleep(Duration.ofMillis(300));
        }
        Optional<T> last = probe.get();
        if (last.isPresent()) {
            return last.get();
        }
        throw new AssertionError("waited " + DELIVERY.toSeconds() + " s for " + what);
    }
}

package com.shellguard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Port forwarding through the gateway with the stock client: {@code ssh -L}, {@code -D}, {@code -R} as a grant allows
 * them, each forwarded connection in {@code /audit/forwards}; forwards without the grant, outside {@code forwardTo},
 * and {@code ssh -J} refused with their reason in the client's "open failed" line; the README's {@code ~/.ssh/config}
 * block. The destinations are servers this test runs on 127.0.0.1, which is the target's loopback too.
 */
class PortForwardingIT {

    private static Fixture fx;
    private static String server;
    private static ServerSocket echo;
    private static HttpServer http;

    @BeforeAll
    static void start() throws IOException {
        echo = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(PortForwardingIT::echoForever, "echo");
        acceptor.setDaemon(true);
        acceptor.start();
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/", exchange -> {
            byte[] body = "hello through the target\n".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        http.start();
        fx = Fixture.shared();
        server = fx.server("fwd", false);
    }

    @AfterAll
    static void stop() throws IOException {
        if (echo != null) {
            echo.close();
        }
        if (http != null) {
            http.stop(0);
        }
    }

    @Test
    void aLocalForwardCarriesBytesBothWaysAndIsAuditedWithThem() throws Exception {
        Fixture.Person alice = granted("alice", "[\"local\"]");
        int local = Processes.freePort();
        Process ssh = background(alice, "-L", local + ":127.0.0.1:" + echo.getLocalPort());
        try {
            byte[] sent = new byte[100_000];
            new java.util.Random(7).nextBytes(sent);
            byte[] back = retry(() -> exchange(local, sent));
            assertEquals(sent.length, back.length);
            assertTrue(java.util.Arrays.equals(sent, back), "the echo came back unchanged");
        } finally {
            ssh.destroy();
        }
        JsonObject row = awaitForward(alice, r -> "CLOSED".equals(r.getString("result")));
        assertEquals("local", row.getString("kind"));
        assertEquals("127.0.0.1:" + echo.getLocalPort(), row.getString("destination"));
        assertEquals(server, row.getString("server"));
        assertEquals(TargetServer.LOGIN, row.getString("login"));
        assertEquals(100_000, row.getJsonNumber("bytesToTarget").longValue());
        assertEquals(100_000, row.getJsonNumber("bytesFromTarget").longValue());
        JsonObject session = fx.awaitSession(alice.name(), s -> s.getString("id").equals(row.getString("session")));
        assertEquals("FORWARDING", session.getString("kind"));
    }

    @Test
    void aGrantWithoutForwardingRefusesWithTheReasonAndAnAuditRow() {
        Fixture.Person bob = fx.personWithAccess("bob", server);
        Processes.Result r = stdioForward(bob, "127.0.0.1:" + echo.getLocalPort());
        assertNotEquals(0, r.exitCode());
        assertTrue(r.stderr().contains("administratively prohibited: ShellGuard grant for " + bob.name() + " on " + server
                + " has no local forwarding"), r.stderr());
        JsonObject row = awaitForward(bob, x -> "REFUSED".equals(x.getString("result")));
        assertTrue(row.getString("message").contains("has no local forwarding"), row.toString());
    }

    @Test
    void aDestinationOutsideForwardToIsRefused() {
        Fixture.Person carol = granted("carol", "[\"local\"]");
        Processes.Result r = stdioForward(carol, "localhost:" + echo.getLocalPort());
        assertTrue(r.stderr().contains("administratively prohibited: ShellGuard grant for " + carol.name() + " on " + server
                + " does not allow local forwarding to localhost:" + echo.getLocalPort() + " (forwardTo: 127.0.0.1:*)"), r.stderr());
        awaitForward(carol, x -> "REFUSED".equals(x.getString("result")) && x.getString("destination").startsWith("localhost:"));
    }

    @Test
    void theTargetsOwnSshdPolicyStillApplies() {
        try (TargetServer closed = TargetServer.start(List.of("AllowTcpForwarding no"))) {
            String locked = new Provisioning(fx.admin, closed).server("fwdoff", true);
            Fixture.Person ivan = fx.person("ivan");
            fx.admin.post("/grants", "{\"user\":" + Api.quote(ivan.name()) + ",\"server\":" + Api.quote(locked)
                    + ",\"logins\":[\"" + TargetServer.LOGIN + "\"],\"forwarding\":[\"local\"]}").expect(201);
            Processes.Result r = stdioForward(ivan, locked, "127.0.0.1:" + echo.getLocalPort());
            assertTrue(r.stderr().contains("open failed: administratively prohibited: server " + locked
                    + " refused to connect to 127.0.0.1:" + echo.getLocalPort()), r.stderr());
            JsonObject row = awaitForward(ivan, x -> "FAILED".equals(x.getString("result")));
            assertEquals(locked, row.getString("server"));
        }
    }

    @Test
    void grantsShowTheirForwardingAndAChangeThatLeavesItOutKeepsIt() {
        Fixture.Person kim = fx.person("kim");
        JsonObject plain = fx.admin.post("/grants", "{\"user\":" + Api.quote(kim.name()) + ",\"server\":" + Api.quote(server)
                + ",\"logins\":[\"" + TargetServer.LOGIN + "\"]}").expect(201).object();
        assertEquals(List.of(), Provisioning.strings(plain.getJsonArray("forwarding")));
        assertEquals(List.of("127.0.0.1:*"), Provisioning.strings(plain.getJsonArray("forwardTo")));
        String id = plain.getString("id");
        fx.admin.put("/grants/" + id, "{\"user\":" + Api.quote(kim.name()) + ",\"server\":" + Api.quote(server)
                + ",\"logins\":[\"" + TargetServer.LOGIN + "\"],\"forwarding\":[\"LOCAL\",\"remote\"],"
                + "\"forwardTo\":[\"127.0.0.1:5432\",\"[::1]:*\"]}").expect(200);
        JsonObject kept = fx.admin.put("/grants/" + id, "{\"user\":" + Api.quote(kim.name()) + ",\"server\":" + Api.quote(server)
                + ",\"logins\":[\"" + TargetServer.LOGIN + "\"]}").expect(200).object();
        assertEquals(List.of("local", "remote"), Provisioning.strings(kept.getJsonArray("forwarding")));
        assertEquals(List.of("127.0.0.1:5432", "[::1]:*"), Provisioning.strings(kept.getJsonArray("forwardTo")));
    }

    @Test
    void unknownForwardingKindsAreA400() {
        Fixture.Person dave = fx.person("dave");
        Api.Response r = fx.admin.post("/grants", "{\"user\":" + Api.quote(dave.name()) + ",\"server\":" + Api.quote(server)
                + ",\"logins\":[\"" + TargetServer.LOGIN + "\"],\"forwarding\":[\"x11\"]}");
        assertEquals(400, r.status());
        assertTrue(r.body().contains("forwarding: unknown kind \\\"x11\\\""), r.body());
        r = fx.admin.post("/grants", "{\"user\":" + Api.quote(dave.name()) + ",\"server\":" + Api.quote(server)
                + ",\"logins\":[\"" + TargetServer.LOGIN + "\"],\"forwarding\":[\"local\"],\"forwardTo\":[\"db01\"]}");
        assertEquals(400, r.status());
        assertTrue(r.body().contains("is not HOST:PORT"), r.body());
    }

    @Test
    void aRemoteForwardListensOnTheTargetAndRelaysBackToTheClient() throws Exception {
        Fixture.Person erin = granted("erin", "[\"remote\"]");
        int remote = Processes.freePort();
        Process ssh = background(erin, "-R", "127.0.0.1:" + remote + ":127.0.0.1:" + echo.getLocalPort());
        try {
            byte[] back = retry(() -> exchange(remote, "ping over -R".getBytes(StandardCharsets.UTF_8)));
            assertEquals("ping over -R", new String(back, StandardCharsets.UTF_8));
        } finally {
            ssh.destroy();
        }
        JsonObject row = awaitForward(erin, x -> "CLOSED".equals(x.getString("result")));
        assertEquals("remote", row.getString("kind"));
        assertEquals("127.0.0.1:" + remote, row.getString("destination"));
        assertEquals(12, row.getJsonNumber("bytesFromTarget").longValue());
    }

    @Test
    void aDynamicForwardServesSocksClientsThroughTheTarget() throws Exception {
        Fixture.Person frank = granted("frank", "[\"dynamic\"]");
        int socks = Processes.freePort();
        Process ssh = background(frank, "-D", "127.0.0.1:" + socks);
        try {
            Processes.Result curl = retry(() -> {
                Processes.Result r = Processes.run(List.of("curl", "-sS", "--max-time", "20", "--socks5", "127.0.0.1:" + socks,
                        "http://127.0.0.1:" + http.getAddress().getPort() + "/"));
                if (r.exitCode() != 0) {
                    throw new IOException(r.stderr());
                }
                return r;
            });
            assertEquals("hello through the target\n", curl.stdout());
        } finally {
            ssh.destroy();
        }
        JsonObject row = awaitForward(frank, x -> "CLOSED".equals(x.getString("result")));
        assertEquals("local", row.getString("kind"), "a SOCKS connection is a direct-tcpip channel like -L's");
    }

    @Test
    void proxyJumpThroughTheGatewayIsRefusedWithTheLoginSyntax() throws IOException {
        Fixture.Person gina = granted("gina", "[\"local\"]");
        Path config = config(gina, "gw", "127.0.0.1", gina.name());
        Processes.Result r = Processes.run(List.of("ssh", "-F", config.toString(), "-J", "gw", "-o", "BatchMode=yes",
                "-o", "ConnectTimeout=20", "web01", "id"), null, Duration.ofSeconds(60));
        assertEquals(255, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("administratively prohibited: ShellGuard does not tunnel (ssh -J) or forward"
                + " without a server: connect as " + gina.name() + "@LOGIN@web01"), r.stderr());
        JsonObject row = awaitForward(gina, x -> "REFUSED".equals(x.getString("result")));
        assertEquals("web01:22", row.getString("destination"));
    }

    @Test
    void theReadmesSshConfigBlockReachesTheServer() throws IOException {
        Fixture.Person henry = fx.personWithAccess("henry", server);
        Path config = config(henry, "web01", "127.0.0.1", henry.name() + "@" + TargetServer.LOGIN + "@" + server);
        Processes.Result r = Processes.run(List.of("ssh", "-F", config.toString(), "web01", "id -un"), null, Duration.ofSeconds(60));
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals(TargetServer.LOGIN, r.stdout().trim());
    }

    private Fixture.Person granted(String prefix, String forwarding) {
        Fixture.Person p = fx.person(prefix);
        fx.admin.post("/grants", "{\"user\":" + Api.quote(p.name()) + ",\"server\":" + Api.quote(server)
                + ",\"logins\":[\"" + TargetServer.LOGIN + "\"],\"forwarding\":" + forwarding + "}").expect(201);
        return p;
    }

    /** The README's block, with what a test needs besides (its key, a fresh known_hosts). */
    private Path config(Fixture.Person person, String host, String hostName, String user) {
        return OpenSshClient.configBlock(fx.gateway.sshPort(), person.key(), host, hostName, user);
    }

    /** {@code ssh -W}: one direct-tcpip channel on stdin and stdout, what {@code -J} uses; refusals show on stderr. */
    private Processes.Result stdioForward(Fixture.Person person, String destination) {
        return stdioForward(person, server, destination);
    }

    private Processes.Result stdioForward(Fixture.Person person, String on, String destination) {
        List<String> cmd = new ArrayList<>(fx.keyClient(person).sshCommand(person.name() + "@" + TargetServer.LOGIN + "@" + on,
                false, null));
        cmd.add(1, "-W");
        cmd.add(2, destination);
        return Processes.run(cmd, "", Duration.ofSeconds(60));
    }

    private Process background(Fixture.Person person, String flag, String spec) throws IOException {
        List<String> cmd = new ArrayList<>(fx.keyClient(person).sshCommand(person.name() + "@" + TargetServer.LOGIN + "@" + server,
                false, null));
        cmd.addAll(1, List.of("-N", "-o", "ExitOnForwardFailure=yes", flag, spec));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return p;
    }

    /** Sends the bytes, half-closes, and reads everything back. */
    private static byte[] exchange(int port, byte[] data) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            s.setSoTimeout(20_000);
            Thread writer = new Thread(() -> {
                try {
                    s.getOutputStream().write(data);
                    s.shutdownOutput();
                } catch (IOException e) {
                    // the read below fails then
                }
            });
            writer.start();
            byte[] back = s.getInputStream().readAllBytes();
            return back;
        }
    }

    interface Attempt<T> {
        T run() throws IOException;
    }

    /** The background client needs a moment to log in and set up its forward. */
    private static <T> T retry(Attempt<T> attempt) throws IOException {
        IOException last = null;
        for (int i = 0; i < 60; i++) {
            try {
                T result = attempt.run();
                if (!(result instanceof byte[] b) || b.length > 0) {
                    return result;
                }
            } catch (IOException e) {
                last = e;
            }
            Processes.sleep(Duration.ofMillis(500));
        }
        throw last == null ? new IOException("no answer") : last;
    }

    private static JsonObject awaitForward(Fixture.Person person, java.util.function.Predicate<JsonObject> condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        String last = "";
        while (System.nanoTime() < deadline) {
            Api.Response r = fx.admin.get("/audit/forwards?user=" + person.name()).expect(200);
            last = r.body();
            for (var v : r.array()) {
                if (condition.test(v.asJsonObject())) {
                    return v.asJsonObject();
                }
            }
            Processes.sleep(Duration.ofMillis(200));
        }
        throw new AssertionError("no matching forward of " + person.name() + ": " + last);
    }

    private static void echoForever() {
        while (!echo.isClosed()) {
            try {
                Socket s = echo.accept();
                Thread t = new Thread(() -> {
                    try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
                        in.transferTo(out);
                    } catch (IOException e) {
                        // the client went away
                    }
                });
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }
}

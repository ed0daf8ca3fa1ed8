package com.shellguard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The node's limits against abuse, each hit by the stock ssh client (or raw sockets, for what no client does) and each
 * answered with a message the client prints and an audit row. The node has small limits of its own; the limits per
 * source address are exercised from distinct loopback addresses (all of 127/8 reaches the node), so the tests do not
 * count against each other. The flood tests print what they saw; how fast the node stays is the benchmark's business.
 */
class ConnectionLimitsIT {

    private static final int GLOBAL = 40;
    private static final int PER_SOURCE = 3;
    /** The address of the test's haproxy, the one balancer the node takes PROXY protocol headers from. */
    private static final String BALANCER = "127.0.0.2";
    /** How long a refused connection that never speaks may stay (5 s), with a margin for a loaded machine. */
    private static final Duration REFUSED_SILENT_GRACE = Duration.ofSeconds(12);

    private static TargetServer target;
    private static GatewayNode node;
    private static Provisioning admin;

    @BeforeAll
    static void startGateway() {
        target = TargetServer.start();
        node = GatewayNode.start(Map.of(
                "SHELLGUARD_MAX_UNAUTHENTICATED", String.valueOf(GLOBAL),
                "SHELLGUARD_MAX_UNAUTHENTICATED_PER_SOURCE", String.valueOf(PER_SOURCE),
                "SHELLGUARD_AUTH_TIMEOUT", "15",
                "SHELLGUARD_IDLE_TIMEOUT", "8",
                "SHELLGUARD_MAX_CHANNELS", "2",
                "SHELLGUARD_PROXY_PROTOCOL_FROM", BALANCER,
                "SHELLGUARD_MAX_CONNECTIONS_PER_USER", "2",
                "SHELLGUARD_RECORDING_MAX_MB", "1"));
        String token = node.admin().post("/tokens", "{\"name\":\"limits-it\"}").expect(201).object().getString("token");
        admin = new Provisioning(Api.bearer(node.baseUrl(), token), target);
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
        if (target != null) {
            target.close();
        }
    }

    @Test
    void aConnectionOverTheLimitOfItsAddressIsToldWhyWhileAnotherAddressGetsIn() throws IOException {
        Provisioning.Access access = admin.access("persource");
        List<Socket> held = silentConnections("127.0.0.3", PER_SOURCE);
        try {
            Processes.Result refused = key(access).from("127.0.0.3").ssh(destination(access), "echo should-not-run");
            assertNotEquals(0, refused.exitCode(), refused.output());
            assertTrue(refused.output().contains("your address has " + PER_SOURCE + " connections that have not logged in yet"),
                    refused.output());
            awaitLimitRow("LIMIT_UNAUTHENTICATED_PER_SOURCE", "127.0.0.3");

            Processes.Result other = key(access).from("127.0.0.4").ssh(destination(access), "echo in");
            assertEquals(0, other.exitCode(), other.output());
            assertEquals("in\n", other.stdout());
        } finally {
            closeAll(held);
        }
    }

    @Test
    void behindABalancerSpeakingTheProxyProtocolTheAuditAndTheLimitsPerAddressSeeTheClient() throws IOException {
        Provisioning.Access access = admin.access("balanced");
        try (TestHaproxy haproxy = TestHaproxy.sendingProxyProtocolFrom(BALANCER, node)) {
            List<Socket> held = silentConnections("127.0.5.1", haproxy.port(), PER_SOURCE);
            try {
                Processes.Result refused = OpenSshClient.withKey(haproxy.port(), access.person().key()).from("127.0.5.1")
                        .ssh(destination(access), "echo should-not-run");
                assertTrue(refused.output().contains("your address has " + PER_SOURCE + " connections that have not logged in yet"),
                        haproxy.log() + refused.output());
                awaitLimitRow("LIMIT_UNAUTHENTICATED_PER_SOURCE", "127.0.5.1");

                Processes.Result in = OpenSshClient.withKey(haproxy.port(), access.person().key()).from("127.0.5.2")
                        .ssh(destination(access), "echo in");
                assertEquals("in\n", in.stdout(), "the balancer's other clients get in: " + in.output());
                admin.awaitSession(access.person().name(), s -> s.getString("clientAddress", "").startsWith("127.0.5.2:"));
            } finally {
                closeAll(held);
            }
        }
    }

    /**
     * A balancer sends its header as soon as it has connected, before the client's first byte (haproxy does, and a
     * client that waits for the server's identification always meets it so): the header comes alone, the node reads
     * it, and must skip it again when the identification follows, or a version 2 header's bytes end the connection.
     */
    @Test
    void aVersion2HeaderThatArrivesBeforeTheClientSpeaksIsReadOnceAndTheClientGetsIn() throws IOException {
        Provisioning.Access access = admin.access("headerfirst");
        Path balancer = Files.createTempFile("sg-balancer", ".py");
        Files.write(balancer, List.of(
                "import os, socket, sys, threading, time",
                "s = socket.create_connection(('127.0.0.1', int(sys.argv[1])), source_address=('" + BALANCER + "', 0))",
                "block = bytes([198, 51, 100, 7, 127, 0, 0, 1]) + (40000).to_bytes(2, 'big') + (22).to_bytes(2, 'big')",
                "s.sendall(b'\\r\\n\\r\\n\\x00\\r\\nQUIT\\n' + bytes([0x21, 0x11]) + len(block).to_bytes(2, 'big') + block)",
                "banner = b''",
                "while not banner.endswith(b'\\n'):",
                "    banner += s.recv(1)",
                "time.sleep(0.5)  # the node has read the header alone; only now does the client's first byte go",
                "os.write(1, banner)",
                "def up():",
                "    while True:",
                "        data = os.read(0, 65536)",
                "        if not data:",
                "            s.shutdown(socket.SHUT_WR)",
                "            return",
                "        s.sendall(data)",
                "threading.Thread(target=up, daemon=True).start()",
                "while True:",
                "    data = s.recv(65536)",
                "    if not data:",
                "        break",
                "    os.write(1, data)"));
        Processes.Result in = key(access).withOptions("-o", "ProxyCommand=/usr/bin/python3 " + balancer + " " + node.sshPort())
                .ssh(destination(access), "echo in");
        assertEquals("in\n", in.stdout(), in.output());
        admin.awaitSession(access.person().name(), s -> s.getString("clientAddress", "").startsWith("198.51.100.7:"));
    }

    @Test
    void aConnectionFromTheBalancerWithoutAHeaderAndAHeaderFromAnyoneElseAreRefused() throws IOException {
        Provisioning.Access access = admin.access("forged");
        Processes.Result bare = key(access).from(BALANCER).ssh(destination(access), "echo should-not-run");
        assertNotEquals(0, bare.exitCode(), bare.output());
        assertTrue(!bare.stdout().contains("should-not-run"), bare.output());

        try (Socket forger = connect("127.0.6.9")) {
            forger.getOutputStream().write("PROXY TCP4 198.51.100.9 10.0.0.5 40000 22\r\nSSH-2.0-forger\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            forger.setSoTimeout(20_000);
            InputStream in = forger.getInputStream();
            byte[] buffer = new byte[4096];
            while (in.read(buffer) >= 0) {
                // the node's identification, then the end: a client cannot claim another address
            }
        }
        String sessions = admin.admin.get("/audit/auth?limit=500").expect(200).array().toString()
                + admin.admin.get("/sessions").expect(200).array().toString();
        assertTrue(!sessions.contains("198.51.100.9"), "no row names the claimed address");
    }

    @Test
    void aConnectionOverTheNodesLimitOfConnectionsNotLoggedInIsToldWhy() throws IOException {
        Provisioning.Access access = admin.access("global");
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; held.size() < GLOBAL; i++) {
                held.addAll(silentConnections("127.0.1." + (i + 1), Math.min(PER_SOURCE, GLOBAL - held.size())));
            }
            Processes.Result refused = key(access).from("127.0.2.1").ssh(destination(access), "echo should-not-run");
            assertNotEquals(0, refused.exitCode(), refused.output());
            assertTrue(refused.output().contains("the gateway has " + GLOBAL + " connections that have not logged in yet"),
                    refused.output());
            awaitLimitRow("LIMIT_UNAUTHENTICATED", "127.0.2.1");
        } finally {
            closeAll(held);
        }
    }

    @Test
    void aClientThatDoesNotLogInInTimeIsDisconnectedAndAudited() throws IOException {
        try (Socket socket = connect("127.0.0.5")) {
            socket.getOutputStream().write("SSH-2.0-slow_client\r\n".getBytes(StandardCharsets.US_ASCII));
            socket.setSoTimeout(60_000);
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[4096];
            while (in.read(buffer) >= 0) {
                // the node's identification and key exchange offer, then its disconnect: read to the end
            }
        }
        awaitLimitRow("LIMIT_AUTH_TIMEOUT", "127.0.0.5");
    }

    @Test
    void aSilentConnectionEndsAtTheIdleTimeoutWithAMessageWhileClientKeepAlivesKeepOneOpen() {
        Provisioning.Access access = admin.access("idle");
        Processes.Result idle = key(access).from("127.0.0.6").ssh(destination(access), "sleep 30; echo should-not-print");
        assertNotEquals(0, idle.exitCode(), idle.output());
        assertTrue(idle.output().contains("no activity for 8 seconds"), idle.output());
        awaitLimitRow("IDLE_TIMEOUT", "127.0.0.6");

        Processes.Result kept = key(access).from("127.0.0.6").withOptions("-o", "ServerAliveInterval=2")
                .ssh(destination(access), "sleep 12; echo still-here");
        assertEquals(0, kept.exitCode(), kept.output());
        assertEquals("still-here\n", kept.stdout());
    }

    /** asyncssh (Debian's, under Debian's own python3) opens the channels, as an automation client does on one connection. */
    @Test
    void aConnectionCannotOpenMoreChannelsThanTheLimit() throws IOException {
        Provisioning.Access access = admin.access("channels");
        Processes.Result r = asyncssh(access, "127.0.0.7", ", keepalive_interval=2", Duration.ofSeconds(90), """
                held = [await conn.create_process('echo open; sleep 20') for _ in range(2)]
                for p in held:
                    print((await p.stdout.readline()).strip())
                try:
                    third = await conn.create_process('echo should-not-run')
                    print('third ran:', (await third.stdout.read()).strip())
                except asyncssh.ChannelOpenError as e:
                    print('third refused:', e.code, e.reason)
                """);
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.stdout().startsWith("open\nopen\n"), "the channels within the limit open: " + r.output());
        assertTrue(r.stdout().contains("third refused: 4 shellguard: this connection has 2 channels open"), r.output());
        awaitLimitRow("LIMIT_CHANNELS", "127.0.0.7");
    }

    /**
     * A recording's bound counts what the recording writes, window changes included: asyncssh (as an automation
     * client would, or a watched user with a few lines of it) sends 80,000 of them on a terminal that prints
     * nothing, about 2.5 MB of recording lines, against a node whose recordings stop at 1 MiB.
     */
    @Test
    void windowChangesWithoutOutputStopTheRecordingAtItsBoundWithAnAlert() throws IOException {
        Provisioning.Access access = admin.access("resizes");
        Processes.Result r = asyncssh(access, "127.0.0.11", "", Duration.ofSeconds(180), """
                p = await conn.create_process('echo ready; cat > /dev/null', term_type='xterm', term_size=(80, 24))
                print((await p.stdout.readline()).strip())
                for i in range(80000):
                    p.change_terminal_size(80 + i % 2, 24)
                    if i % 1000 == 0:
                        await p.stdin.drain()
                p.stdin.write_eof()
                await p.wait()
                print('sent')
                """);
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.stdout().contains("sent"), r.output());
        JsonObject alert = admin.awaitAlertOf(access.person().name(), a -> "RECORDING_FAILED".equals(a.getString("kind", null)),
                "RECORDING_FAILED");
        String recording = admin.admin.get("/sessions/" + alert.getString("session") + "/recording").expect(200).body();
        assertTrue(recording.length() < 1_300_000, "the recording stopped at its bound, not at " + recording.length() + " characters");
        assertTrue(recording.contains("SHELLGUARD_RECORDING_MAX_MB"), "its last line says why");
    }

    @Test
    void aPersonCannotHoldMoreConnectionsThanTheLimit() throws Exception {
        Provisioning.Access access = admin.access("peruser");
        OpenSshClient client = key(access).from("127.0.0.8").withOptions("-o", "ServerAliveInterval=2");
        List<Process> holding = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                holding.add(new ProcessBuilder(client.sshCommand(destination(access), false, "echo open; sleep 20"))
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start());
            }
            for (Process p : holding) {
                assertEquals("open\n", new String(p.getInputStream().readNBytes(5), StandardCharsets.UTF_8));
            }
            Processes.Result third = client.ssh(destination(access), "echo should-not-run");
            assertNotEquals(0, third.exitCode(), third.output());
            assertTrue(third.output().contains(access.person().name() + " has 2 connections open"), third.output());
            admin.awaitAuthEvent(access.person().name(), e -> reason(e).startsWith("LIMIT_CONNECTIONS_PER_USER"));
        } finally {
            holding.forEach(Process::destroyForcibly);
        }
    }

    /**
     * A slowloris from one address (5,000 connections that never speak) and a fuzzer (10,000 malformed packets, before
     * and instead of a key exchange) leave the node serving a person from another address.
     */
    @Test
    void fiveThousandHalfOpenConnectionsAndTenThousandMalformedPacketsLeaveTheGatewayServing() throws Exception {
        Provisioning.Access access = admin.access("flood");
        long started = System.nanoTime();
        List<Socket> flood = new ArrayList<>();
        int refusedByTcp = 0;
        try {
            for (int i = 0; i < 5_000; i++) {
                try {
                    flood.add(connect("127.0.0.9"));
                } catch (IOException e) {
                    refusedByTcp++;
                }
            }
            long opened = System.nanoTime();
            Processes.Result during = key(access).from("127.0.0.10").ssh(destination(access), "echo served");
            long served = System.nanoTime();
            assertEquals(0, during.exitCode(), during.output());
            assertEquals("served\n", during.stdout());
            Processes.sleep(REFUSED_SILENT_GRACE);
            long stillOpen = flood.stream().filter(ConnectionLimitsIT::open).count();
            System.out.printf("slowloris: %d connections opened in %d ms (%d refused by TCP), a person served in %d ms,"
                            + " %d of them still open %d s later%n", flood.size(), ms(opened - started), refusedByTcp,
                    ms(served - opened), stillOpen, REFUSED_SILENT_GRACE.toSeconds());
            assertTrue(stillOpen <= PER_SOURCE, stillOpen + " connections of the flood still held by the node");
        } finally {
            closeAll(flood);
        }

        long fuzzStart = System.nanoTime();
        Fuzzed fuzzed = fuzz(10_000);
        long fuzzEnd = System.nanoTime();
        Processes.Result after = key(access).from("127.0.0.10").ssh(destination(access), "echo still-served");
        System.out.printf("fuzzer: %d malformed packets over %d connections in %d ms; a person served after it in %d ms%n",
                fuzzed.packets, fuzzed.connections, ms(fuzzEnd - fuzzStart), ms(System.nanoTime() - fuzzEnd));
        assertEquals(0, after.exitCode(), after.output());
        assertEquals("still-served\n", after.stdout());
    }

    private record Fuzzed(int packets, int connections) {
    }

    /**
     * Malformed binary packets after a valid identification: lengths beyond any limit, lengths too short, padding
     * longer than the packet, random bytes, and well-framed packets of message numbers no one sent, spread over
     * fifty source addresses, each connection used until the node closes it.
     */
    private static Fuzzed fuzz(int packets) throws IOException {
        Random random = new Random(20261207);
        int sent = 0;
        int connections = 0;
        while (sent < packets) {
            connections++;
            try (Socket socket = connect("127.0.3." + (connections % 50 + 1))) {
                socket.setSoTimeout(2_000);
                OutputStream out = socket.getOutputStream();
                out.write("SSH-2.0-fuzzer_1.0\r\n".getBytes(StandardCharsets.US_ASCII));
                for (int i = 0; i < 50 && sent < packets; i++) {
                    out.write(malformed(random));
                    out.flush();
                    sent++;
                }
            } catch (IOException closedByTheNode) {
                // the node dropped the connection: the next one goes on
            }
        }
        return new Fuzzed(sent, connections);
    }

    private static byte[] malformed(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> ByteBuffer.allocate(16).putInt(0x7ffffff0 + random.nextInt(15)).putInt(random.nextInt()).array();
            case 1 -> ByteBuffer.allocate(8).putInt(random.nextInt(5)).put((byte) 4).array();
            case 2 -> ByteBuffer.allocate(16).putInt(12).put((byte) 200).put(new byte[11]).array();
            case 3 -> {
                byte[] junk = new byte[1 + random.nextInt(4000)];
                random.nextBytes(junk);
                yield junk;
            }
            default -> {
                int payload = 1 + random.nextInt(64);
                int padding = 8 - (payload + 5) % 8 + 4;
                ByteBuffer packet = ByteBuffer.allocate(4 + 1 + payload + padding).putInt(1 + payload + padding)
                        .put((byte) padding).put((byte) (100 + random.nextInt(156)));
                byte[] rest = new byte[payload - 1 + padding];
                random.nextBytes(rest);
                yield packet.put(rest).array();
            }
        };
    }

    /**
     * Runs an asyncssh client (Debian's, under Debian's own python3) from the source address as the access's person:
     * {@code moreConnectArguments} go on asyncssh.connect's list ({@code ", name=value"}), {@code body} (python, not
     * indented) runs with the connection as {@code conn}. Returns what it printed.
     */
    private static Processes.Result asyncssh(Provisioning.Access access, String source, String moreConnectArguments, Duration timeout,
            String body) throws IOException {
        String script = "import asyncio, sys, asyncssh\n"
                + "async def main(port, user, key):\n"
                + "    async with asyncssh.connect('127.0.0.1', port=port, username=user, client_keys=[key], known_hosts=None,\n"
                + "                                local_addr=('" + source + "', 0)" + moreConnectArguments + ") as conn:\n"
                + body.indent(8)
                + "asyncio.run(main(int(sys.argv[1]), sys.argv[2], sys.argv[3]))\n";
        Path file = Files.createTempFile("sg-asyncssh", ".py");
        try {
            Files.writeString(file, script);
            return Processes.run(List.of("/usr/bin/python3", "-W", "ignore", file.toString(), String.valueOf(node.sshPort()),
                    destination(access), access.person().key().toString()), null, timeout);
        } finally {
            Files.delete(file);
        }
    }

    private static List<Socket> silentConnections(String source, int count) throws IOException {
        return silentConnections(source, node.sshPort(), count);
    }

    private static List<Socket> silentConnections(String source, int port, int count) throws IOException {
        List<Socket> sockets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sockets.add(connect(source, port));
        }
        Processes.sleep(Duration.ofMillis(500)); // the node counts them as it accepts them
        return sockets;
    }

    private static Socket connect(String source) throws IOException {
        return connect(source, node.sshPort());
    }

    private static Socket connect(String source, int port) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(InetAddress.getByName(source), 0));
        socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
        return socket;
    }

    /** Whether the node still holds the connection: its bytes are read until it closes or stays quiet. */
    private static boolean open(Socket socket) {
        try {
            socket.setSoTimeout(1);
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[4096];
            while (in.read(buffer) >= 0) {
                // the node's identification and key exchange offer
            }
            return false;
        } catch (java.net.SocketTimeoutException stillOpen) {
            return true;
        } catch (IOException closed) {
            return false;
        }
    }

    private static void closeAll(List<Socket> sockets) {
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing a test's own socket: nothing to keep
            }
        }
    }

    private static OpenSshClient key(Provisioning.Access access) {
        return OpenSshClient.withKey(node.sshPort(), access.person().key());
    }

    private static String destination(Provisioning.Access access) {
        return access.person().name() + "@" + access.server();
    }

    private static String reason(JsonObject event) {
        return event.getString("reason", "");
    }

    /** Waits for the audit row of a limit hit from a source address (unauthenticated hits have no user). */
    private static JsonObject awaitLimitRow(String limit, String sourceAddress) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            for (var row : admin.admin.get("/audit/auth?limit=500").expect(200).array()) {
                JsonObject event = row.asJsonObject();
                if (!event.getBoolean("success") && reason(event).startsWith(limit + ":")
                        && event.getString("sourceAddress", "").startsWith(sourceAddress + ":")) {
                    return event;
                }
            }
            Processes.sleep(Duration.ofMillis(300));
        }
        throw new AssertionError("no audit row of " + limit + " from " + sourceAddress);
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}

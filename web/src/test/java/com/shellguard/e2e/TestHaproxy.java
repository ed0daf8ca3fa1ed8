package com.shellguard.e2e;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Debian's {@code haproxy} in TCP mode in front of gateway nodes' SSH ports, configured as README's "Production:
 * PostgreSQL and a cluster" shows: a node counts as up while it answers with an SSH banner, and a connection a dead
 * node refuses is tried again on another.
 */
final class TestHaproxy implements AutoCloseable {

    private final int port;
    private final Path directory;
    private final Process process;

    private TestHaproxy(int port, Path directory, Process process) {
        this.port = port;
        this.directory = directory;
        this.process = process;
    }

    static TestHaproxy inFrontOf(GatewayNode... nodes) {
        return start("", nodes);
    }

    /**
     * The same, sending a PROXY protocol version 2 header on every connection (health checks included), from
     * {@code source} (a loopback address the nodes trust in {@code SHELLGUARD_PROXY_PROTOCOL_FROM}).
     */
    static TestHaproxy sendingProxyProtocolFrom(String source, GatewayNode... nodes) {
        return start(" send-proxy-v2 check-send-proxy source " + source, nodes);
    }

    private static TestHaproxy start(String serverOptions, GatewayNode... nodes) {
        try {
            int port = Processes.freePort();
            Path directory = Files.createTempDirectory("sg-haproxy");
            Path config = directory.resolve("haproxy.cfg");
            Files.writeString(config, config(port, serverOptions, nodes));
            Process process = new ProcessBuilder("haproxy", "-db", "-f", config.toString()).redirectErrorStream(true)
                    .redirectOutput(directory.resolve("haproxy.log").toFile()).start();
            TestHaproxy haproxy = new TestHaproxy(port, directory, process);
            haproxy.awaitListening();
            return haproxy;
        } catch (IOException e) {
            throw new AssertionError("cannot start haproxy", e);
        }
    }

    private static String config(int port, String serverOptions, GatewayNode... nodes) {
        String servers = IntStream.range(0, nodes.length)
                .mapToObj(i -> "    server gw" + i + " 127.0.0.1:" + nodes[i].sshPort() + " check" + serverOptions + "\n")
                .collect(Collectors.joining());
        return String.join("\n", List.of(
                "defaults",
                "    mode tcp",
                "    timeout connect 5s",
                "    timeout client 1h",
                "    timeout server 1h",
                "    retries 3",
                "    option redispatch 1",
                "",
                "frontend ssh",
                "    bind 127.0.0.1:" + port,
                "    default_backend gateways",
                "",
                "backend gateways",
                "    balance roundrobin",
                "    option tcp-check",
                "    tcp-check expect rstring ^SSH-2\\.0-",
                "    default-server inter 2s fall 2 rise 2",
                servers));
    }

    /** Until a connection through haproxy reaches a node: its SSH banner comes back (a busy node may be marked down a while). */
    private void awaitListening() {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("haproxy exited: " + log());
            }
            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.setSoTimeout(5_000);
                byte[] banner = new byte[8];
                if (socket.getInputStream().readNBytes(banner, 0, banner.length) == banner.length
                        && new String(banner, java.nio.charset.StandardCharsets.US_ASCII).equals("SSH-2.0-")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet, or no node up behind it yet
            }
            Processes.sleep(Duration.ofMillis(500));
        }
        throw new AssertionError("no node answers through haproxy on " + port + ": " + log());
    }

    String log() {
        try {
            return Files.readString(directory.resolve("haproxy.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    int port() {
        return port;
    }

    @Override
    public void close() {
        Processes.stop(process, Duration.ofSeconds(10));
    }
}

package com.shellguard.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A gateway node started exactly as an operator starts one: {@code scripts/run.sh} with its documented
 * environment variables. It counts as up only when the health endpoint answers 200 and the SSH port
 * speaks SSH — Payara Micro prints "ready" even when a deployment failed.
 */
final class GatewayNode implements AutoCloseable {

    static final String ADMIN_PASSWORD = "Admin-pass-e2e-1";

    private final Path home;
    private final int sshPort;
    private final int httpPort;
    private final Map<String, String> extraEnvironment;
    private final Path log;
    private Process process;
    private int starts;

    private GatewayNode(Path home, Map<String, String> extraEnvironment) {
        this.home = home;
        this.sshPort = Processes.freePort();
        this.httpPort = Processes.freePort();
        this.extraEnvironment = extraEnvironment;
        this.log = home.resolveSibling(home.getFileName() + ".log");
    }

    static GatewayNode start(Map<String, String> extraEnvironment) {
        return start(extraEnvironment, home -> { });
    }

    /** A node whose home is prepared before its first start (a database an earlier release wrote put there, say). */
    static GatewayNode start(Map<String, String> extraEnvironment, java.util.function.Consumer<Path> prepareHome) {
        try {
            GatewayNode node = new GatewayNode(Files.createTempDirectory("sg-home"), extraEnvironment);
            prepareHome.accept(node.home);
            node.boot();
            return node;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static Path projectRoot() {
        return Path.of(System.getProperty("shellguard.root", "..")).toAbsolutePath().normalize();
    }

    void boot() {
        try {
            ProcessBuilder builder = new ProcessBuilder(projectRoot().resolve("scripts/run.sh").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            Map<String, String> env = builder.environment();
            env.put("SHELLGUARD_HOME", home.toString());
            env.put("SHELLGUARD_SSH_PORT", String.valueOf(sshPort));
            env.put("SHELLGUARD_HTTP_PORT", String.valueOf(httpPort));
            env.put("SHELLGUARD_ADMIN_PASSWORD", ADMIN_PASSWORD);
            // no class-data archive: a test's node has a fresh home, and writing one when it stops only slows the stop
            env.put("SHELLGUARD_CDS", "0");
            env.putAll(extraEnvironment);
            env.values().removeIf(String::isEmpty);
            process = builder.start();
            starts++;
            try {
                awaitHealthy();
            } catch (AssertionError | RuntimeException e) {
                stop();
                throw e;
            }
        } catch (IOException e) {
            throw new AssertionError("cannot start the gateway", e);
        }
    }

    void restart() {
        stop();
        boot();
    }

    /** Kills the node without letting it shut down, as a power cut or OOM kill would, and starts it again. */
    void crashAndRestart() {
        kill();
        boot();
    }

    /**
     * {@code kill -STOP}: the node stalls as in a very long GC pause, every thread frozen and every connection kept
     * open, until {@link #thaw()}.
     */
    void freeze() {
        Processes.check(List.of("kill", "-STOP", String.valueOf(process.pid())));
    }

    /** {@code kill -CONT}: the frozen node goes on where it stopped. */
    void thaw() {
        Processes.check(List.of("kill", "-CONT", String.valueOf(process.pid())));
    }

    /** The node's threads as {@code jstack} sees them: what a node that does not answer is waiting for. */
    String threadDump() {
        return Processes.run(List.of("jstack", String.valueOf(process.pid())), null, Duration.ofSeconds(60)).output();
    }

    /** {@code kill -9}: the node gets no chance to close a session, a recording or its audit. */
    void kill() {
        try {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /**
     * How long a start may take before the test gives up: a warm start takes about half a minute on a quiet
     * 2-core machine, and ten times that when the machine is loaded (a start took over 5 minutes at a load of 35). Start-up time is measured by the
     * benchmark, not judged here. {@code SHELLGUARD_IT_START_SECONDS} raises it on a machine loaded beyond that.
     */
    private static final Duration START_LIMIT = Duration.ofSeconds(
            Long.parseLong(System.getenv().getOrDefault("SHELLGUARD_IT_START_SECONDS", "900")));

    private void awaitHealthy() throws IOException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the gateway exited during start-up:\n" + logTail());
            }
            if (healthy(http) && speaksSsh()) {
                return;
            }
            Processes.sleep(Duration.ofMillis(500));
        }
        throw new AssertionError("the gateway did not become healthy in " + START_LIMIT.toSeconds() + " s:\n" + logTail());
    }

    private boolean healthy(HttpClient http) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/health"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean speaksSsh() {
        try (Socket socket = new Socket("127.0.0.1", sshPort)) {
            socket.setSoTimeout(3000);
            InputStream in = socket.getInputStream();
            byte[] banner = new byte[8];
            int n = in.readNBytes(banner, 0, 8);
            return n == 8 && new String(banner, StandardCharsets.US_ASCII).startsWith("SSH-2.0");
        } catch (IOException e) {
            return false;
        }
    }

    void stop() {
        if (process == null) {
            return;
        }
        Processes.stop(process, Duration.ofSeconds(30));
        process = null;
    }

    String logText() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private String logTail() {
        String text = logText();
        return text.length() > 8000 ? text.substring(text.length() - 8000) : text;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    int sshPort() {
        return sshPort;
    }

    Path home() {
        return home;
    }

    int starts() {
        return starts;
    }

    Api admin() {
        return Api.basic(baseUrl(), "admin", ADMIN_PASSWORD);
    }

    static Map<String, String> noExtraEnvironment() {
        return new HashMap<>();
    }

    @Override
    public void close() {
        stop();
    }
}

package com.shellguard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Prometheus metrics at {@code /metrics}, read as a scraper reads them (no credentials, the text format) around
 * real ssh sessions through the gateway: the live-session gauge while one is open, then the login, command verdict
 * and relayed-bytes counters grown by what the sessions did.
 */
class MetricsIT {

    private static Fixture fx;
    private static Provisioning.Access access;

    @BeforeAll
    static void startGateway() {
        fx = Fixture.shared();
        access = fx.access("metrics");
    }

    @Test
    void anSshSessionShowsInTheLiveGaugeAndThenInTheLoginVerdictAndRelayCounters() throws Exception {
        Map<String, Double> before = scrape();
        Fixture.Person person = access.person();
        String destination = person.name() + "@" + TargetServer.LOGIN + "@" + access.server();
        OpenSshClient client = fx.keyClient(person);

        ProcessBuilder open = new ProcessBuilder(client.sshCommand(destination, false, "cat")).redirectErrorStream(true);
        client.environment(open);
        Process held = open.start();
        String heldId;
        try {
            heldId = fx.awaitSession(person.name(), s -> "OPEN".equals(s.getString("status", null))).getString("id");
            Map<String, Double> during = scrape();
            double live = sum(during, "shellguard_sessions_live", "");
            assertTrue(live >= 1, "live sessions " + live + " while one is open: " + during);
        } finally {
            try (OutputStream in = held.getOutputStream()) {
                in.write("bye\n".getBytes(StandardCharsets.UTF_8));
            }
            assertTrue(held.waitFor(60, TimeUnit.SECONDS), "ssh cat did not end when its input closed");
        }
        fx.awaitSession(person.name(), s -> heldId.equals(s.getString("id", null)) && Fixture.has(s, "end"));

        Processes.Result r = client.ssh(destination, "expr 6 '*' 7");
        assertEquals("42\n", r.stdout(), r.output());
        String sessionId = fx.awaitSession(person.name(), s -> "EXEC".equals(s.getString("kind", null))
                && "expr 6 '*' 7".equals(s.getString("command", null)) && Fixture.has(s, "end")).getString("id");
        fx.awaitCommand(sessionId, c -> "expr".equals(c.getString("program", null)), "the audited expr");

        Map<String, Double> after = scrape();
        assertTrue(sum(after, "shellguard_logins", "outcome=\"success\"") >= sum(before, "shellguard_logins", "outcome=\"success\"") + 2,
                "successful logins: " + after);
        assertTrue(sum(after, "shellguard_command_verdicts", "verdict=\"ALLOWED\"") > sum(before, "shellguard_command_verdicts", "verdict=\"ALLOWED\""),
                "allowed commands: " + after);
        assertTrue(sum(after, "shellguard_relayed", "direction=\"to_user\"") >= sum(before, "shellguard_relayed", "direction=\"to_user\"") + "bye\n42\n".length(),
                "bytes to the user: " + after);
        assertTrue(sum(after, "shellguard_relayed", "direction=\"from_user\"") >= sum(before, "shellguard_relayed", "direction=\"from_user\"") + "bye\n".length(),
                "bytes from the user: " + after);
    }

    /** The sum of the samples of metrics whose name starts with {@code name} and whose labels contain {@code label}. */
    private static double sum(Map<String, Double> samples, String name, String label) {
        return samples.entrySet().stream()
                .filter(e -> e.getKey().startsWith(name) && e.getKey().contains(label) && !e.getKey().contains("_created"))
                .mapToDouble(Map.Entry::getValue).sum();
    }

    /** The application-scope ShellGuard samples of {@code GET /metrics}, unauthenticated, as Prometheus scrapes it. */
    private static Map<String, Double> scrape() throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(fx.gateway.baseUrl() + "/metrics"))
                .header("Accept", "text/plain").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"), r.headers().toString());
        Map<String, Double> samples = new LinkedHashMap<>();
        for (String line : r.body().split("\n")) {
            if (line.startsWith("shellguard_")) {
                assertTrue(line.contains("mp_scope=\"application\""), line);
                int space = line.lastIndexOf(' ');
                samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
            }
        }
        assertTrue(samples.keySet().stream().anyMatch(k -> k.startsWith("shellguard_sessions_live")), r.body());
        return samples;
    }
}

package com.shellguard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sessions are recorded as they run (asciicast v2: output, resizes, the hook's commands as markers), a running
 * session's recording can be followed as it grows, and an administrator can end a running session: the user
 * sees why, the connection closes, the audit says who did it.
 */
class SessionRecordingIT {

    private static final String TERMINATED = "shellguard: session terminated by an administrator";

    private static Fixture fx;
    private static String server;
    private static Api auditor;

    @BeforeAll
    static void prepare() {
        fx = Fixture.shared();
        server = fx.server("rec", true);
        Fixture.Person a = fx.person("auditor", "AUDITOR");
        auditor = Api.basic(fx.gateway.baseUrl(), a.name(), a.password());
    }

    private static String liveSession(Fixture.Person p) {
        return fx.awaitSession(p.name(), s -> !Fixture.has(s, "end")).getString("id");
    }

    @Test
    void anInteractiveSessionIsRecordedWithItsOutputResizesAndCommandMarkers() {
        Fixture.Person p = fx.personWithAccess("recsh", server);
        try (Terminal t = Terminal.open(fx.keyClient(p).sshCommand(p.name() + "@" + TargetServer.LOGIN + "@" + server, true, null),
                List.of(), 120, 40)) {
            t.waitFor("\\$ $");
            t.line("echo rec-$((6*7))");
            t.waitFor("^rec-42");
            t.resize(100, 30);
            Processes.sleep(Duration.ofMillis(300));
            t.line("stty size");
            t.waitFor("^30 100");
            t.line("exit");
            assertEquals(0, t.awaitExit());
        }
        String id = fx.awaitSession(p.name(), s -> Fixture.has(s, "end")).getString("id");

        Api.Response r = auditor.get("/sessions/" + id + "/recording").expect(200);
        assertTrue(r.header("Content-Type").startsWith("application/x-asciicast"), r.header("Content-Type"));
        assertEquals("false", r.header("X-Session-Live"));
        JsonObject header = header(r.body());
        assertEquals(2, header.getInt("version"));
        assertEquals(120, header.getInt("width"));
        assertEquals(40, header.getInt("height"));
        assertTrue(header.getJsonNumber("timestamp").longValue() > 1_700_000_000L, header.toString());
        assertEquals(p.name() + "@" + TargetServer.LOGIN + "@" + server, header.getString("title"));
        assertTrue(header.getJsonObject("env").containsKey("TERM"), header.toString());
        assertTrue(header.getJsonObject("env").getString("SHELL").endsWith("bash"), header.toString());

        List<JsonArray> events = events(r.body());
        String output = output(events);
        assertTrue(output.contains("echo rec-$((6*7))"), "the typed line, echoed: " + output);
        assertTrue(output.contains("rec-42"), output);
        assertTrue(output.contains("30 100"), output);
        assertTrue(events.stream().anyMatch(e -> e.getString(1).equals("r") && e.getString(2).equals("100x30")),
                "a resize event: " + events);
        assertTrue(events.stream().anyMatch(e -> e.getString(1).equals("m") && e.getString(2).equals("stty size [ALLOW]")),
                "a marker for the command: " + events);
        double previous = 0;
        for (JsonArray e : events) {
            double at = e.getJsonNumber(0).doubleValue();
            assertTrue(at >= previous, "event times never go back: " + events);
            previous = at;
        }
    }

    @Test
    void anExecSessionIsRecordedWithItsCommandAndBothOutputStreams() {
        Fixture.Person p = fx.personWithAccess("recex", server);
        String command = "echo out-$((2+1)); printf 'caf\\303\\251\\n'; echo err-$((3+1)) >&2";
        Processes.Result r = fx.keyClient(p).ssh(p.name() + "@" + server, command);
        assertEquals(0, r.exitCode(), r.output());
        String id = fx.awaitSession(p.name(), s -> Fixture.has(s, "end")).getString("id");

        String cast = fx.admin.get("/sessions/" + id + "/recording").expect(200).body();
        assertEquals(command, header(cast).getString("command"));
        String output = output(events(cast));
        assertTrue(output.contains("out-3\n") && output.contains("err-4\n"), output);
        assertTrue(output.contains("café\n"), "UTF-8 output is recorded as text: " + output);
    }

    @Test
    void aLiveRecordingIsFollowedFromAByteOffsetInWholeLines() {
        Fixture.Person p = fx.personWithAccess("reclive", server);
        try (Terminal t = Terminal.open(fx.keyClient(p).sshCommand(p.name() + "@" + server, true, null), List.of(), 100, 30)) {
            t.waitFor("\\$ $");
            t.line("echo first-$((1+1))");
            t.waitFor("^first-2");
            String id = liveSession(p);

            Api.Response start = awaitRecording(id, 0, "first-2");
            assertEquals("true", start.header("X-Session-Live"));
            long next = Long.parseLong(start.header("X-Recording-Next-Offset"));
            assertEquals(start.body().getBytes(StandardCharsets.UTF_8).length, next);

            t.line("echo second-$((2+1))");
            t.waitFor("^second-3");
            Api.Response more = awaitRecording(id, next, "second-3");
            assertFalse(more.body().contains("first-2"), "only what came after the offset: " + more.body());
            assertTrue(more.body().lines().allMatch(l -> parse(l) instanceof JsonArray), more.body());
            t.line("exit");
            t.awaitExit();
        }
    }

    /** Polls {@code ?from=offset} until the new lines show {@code text}; each answer ends with a whole line. */
    private static Api.Response awaitRecording(String id, long offset, String text) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        Api.Response r;
        do {
            r = auditor.get("/sessions/" + id + "/recording?from=" + offset).expect(200);
            assertTrue(r.body().isEmpty() || r.body().endsWith("\n"), "whole lines only: " + r.body());
            if (r.body().contains(text)) {
                return r;
            }
            Processes.sleep(Duration.ofMillis(200));
        } while (System.nanoTime() < deadline);
        throw new AssertionError("the recording never showed " + text + " after byte " + offset + ": " + r.body());
    }

    @Test
    void anAdministratorEndsARunningShellWithinASecondAndTheUserSeesWhy() {
        Fixture.Person p = fx.personWithAccess("recterm", server);
        try (Terminal t = Terminal.open(fx.keyClient(p).sshCommand(p.name() + "@" + server, true, null), List.of(), 100, 30)) {
            t.waitFor("\\$ $");
            t.line("sleep 600");
            String id = liveSession(p);
            Processes.sleep(Duration.ofMillis(500));

            long asked = System.nanoTime();
            fx.admin.delete("/sessions/" + id).expect(202);
            String screen = t.waitFor("\\[exited \\d+\\]", Duration.ofSeconds(5));
            long tookMillis = (System.nanoTime() - asked) / 1_000_000;
            assertTrue(screen.contains(TERMINATED), screen);
            assertTrue(screen.contains("[exited 255]"), screen);
            System.out.println("SessionRecordingIT: a terminated shell's client exited " + tookMillis + " ms after the request");

            JsonObject row = fx.awaitSession(p.name(), s -> Fixture.has(s, "end"));
            assertEquals("TERMINATED", row.getString("status"));
            assertEquals("terminated by administrator admin", row.getString("message"));
            fx.admin.delete("/sessions/" + id).expect(409);
            assertTrue(output(events(fx.admin.get("/sessions/" + id + "/recording").expect(200).body())).contains(TERMINATED),
                    "the recording ends with what the user was shown");
        }
    }

    @Test
    void anAdministratorEndsARunningExecCommandAndItsStderrSaysWhy() throws Exception {
        Fixture.Person p = fx.personWithAccess("recterx", server);
        ProcessBuilder pb = new ProcessBuilder(fx.keyClient(p).sshCommand(p.name() + "@" + server, false, "sleep 600"))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process client = pb.start();
        try {
            String id = liveSession(p);
            long asked = System.nanoTime();
            fx.admin.delete("/sessions/" + id).expect(202);
            assertTrue(client.waitFor(5, TimeUnit.SECONDS), "the client should have been disconnected");
            System.out.println("SessionRecordingIT: a terminated exec client exited "
                    + (System.nanoTime() - asked) / 1_000_000 + " ms after the request");
            assertEquals(255, client.exitValue());
            String stderr = new String(client.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(stderr.contains(TERMINATED), stderr);
            assertEquals("TERMINATED", fx.awaitSession(p.name(), s -> Fixture.has(s, "end")).getString("status"));
        } finally {
            client.destroyForcibly();
        }
    }

    @Test
    void onlyAdministratorsEndSessionsAndUnknownOrUnrecordedSessionsAreNotFound() throws IOException {
        Fixture.Person p = fx.personWithAccess("recauth", server);
        Fixture.Person user = fx.person("recuser");
        Api plainUser = Api.basic(fx.gateway.baseUrl(), user.name(), user.password());
        try (Terminal t = Terminal.open(fx.keyClient(p).sshCommand(p.name() + "@" + server, true, null), List.of(), 100, 30)) {
            t.waitFor("\\$ $");
            String id = liveSession(p);
            assertEquals(403, auditor.delete("/sessions/" + id).status());
            assertEquals(401, plainUser.get("/sessions/" + id + "/recording").status(), "a USER account has no API role at all");
            assertEquals(200, auditor.get("/sessions/" + id + "/recording").status());
            assertEquals(400, auditor.get("/sessions/" + id + "/recording?from=-5").status());
            t.line("echo still-here");
            t.waitFor("^still-here");
            t.line("exit");
            t.awaitExit();
        }
        assertEquals(404, fx.admin.delete("/sessions/no-such-session").status());
        assertEquals(404, fx.admin.get("/sessions/no-such-session/recording").status());
        assertEquals(404, fx.admin.get("/sessions/..%2F..%2Fvault.key/recording").status());

        Processes.Result sftp = fx.keyClient(p).sftp(p.name() + "@" + server, "pwd\n");
        assertEquals(0, sftp.exitCode(), sftp.output());
        String transfer = fx.awaitSession(p.name(), s -> "SFTP".equals(s.getString("kind")) && Fixture.has(s, "end")).getString("id");
        assertEquals(404, fx.admin.get("/sessions/" + transfer + "/recording").status(), "file transfers are not recorded");
    }

    private static JsonObject header(String cast) {
        return (JsonObject) parse(cast.lines().findFirst().orElseThrow());
    }

    private static List<JsonArray> events(String cast) {
        return cast.lines().skip(1).map(l -> (JsonArray) parse(l)).toList();
    }

    private static String output(List<JsonArray> events) {
        StringBuilder text = new StringBuilder();
        events.stream().filter(e -> e.getString(1).equals("o")).forEach(e -> text.append(e.getString(2)));
        return text.toString();
    }

    private static JsonStructure parse(String line) {
        try (var reader = Json.createReader(new StringReader(line))) {
            return reader.read();
        }
    }
}

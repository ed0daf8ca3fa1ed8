package com.shellguard.e2e;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code scripts/bench/load.py}, the benchmark's load generator, run from a test: many interactive sessions with a
 * pty and a login shell, each typing commands whose output names them. What it saw comes back as its JSON report
 * and the exact set of commands that were answered (each a token {@code sg<session>x<n>}).
 */
final class LoadGenerator {

    /** What one run saw: its report, and the token of every command answered. */
    record Run(JsonObject report, Set<String> answered, String log) {
        int usable() {
            return report.getInt("usable");
        }

        /** Commands typed whose answer never came: they may or may not have run. */
        int unanswered() {
            return report.getInt("commands_unanswered");
        }

        /** The reasons of sessions that broke after they had a shell (in their commands, or at exit). */
        List<String> brokenAfterSetUp() {
            return report.getJsonObject("failures").keySet().stream()
                    .filter(reason -> reason.startsWith("commands:") || reason.startsWith("exit:")).toList();
        }
    }

    private final List<String> arguments = new ArrayList<>();

    /** Sessions to {@code user} (person@login@server through the gateway) on 127.0.0.1:{@code port} with {@code key}. */
    LoadGenerator(int port, String user, Path key) {
        arguments.addAll(List.of("--port", String.valueOf(port), "--user", user, "--key", key.toString()));
    }

    /** {@code sessions} sessions at {@code rate} a second, each typing {@code commands} commands {@code interval} s apart. */
    LoadGenerator sessions(int sessions, double rate, int commands, double interval) {
        arguments.addAll(List.of("--sessions", String.valueOf(sessions), "--rate", String.valueOf(rate),
                "--commands", String.valueOf(commands), "--interval", String.valueOf(interval)));
        return this;
    }

    /** Each session stays open this long after its last command, so sessions started early are still open at the end. */
    LoadGenerator hold(Duration hold) {
        arguments.addAll(List.of("--hold", String.valueOf(hold.toSeconds())));
        return this;
    }

    /** How long a session may wait for its login, its prompt or an answer before it counts as failed. */
    LoadGenerator timeout(Duration timeout) {
        arguments.addAll(List.of("--timeout", String.valueOf(timeout.toSeconds())));
        return this;
    }

    Run run() {
        try {
            Path tokens = Files.createTempFile("sg-load", ".tokens");
            List<String> command = new ArrayList<>(List.of("/usr/bin/python3",
                    GatewayNode.projectRoot().resolve("scripts/bench/load.py").toString(), "--tokens", tokens.toString()));
            command.addAll(arguments);
            Processes.Result r = Processes.run(command, null, Duration.ofMinutes(30));
            if (r.exitCode() != 0) {
                throw new AssertionError("load.py failed (" + r.exitCode() + "): " + r.output());
            }
            String[] lines = r.stdout().strip().split("\n");
            JsonObject report;
            try (var reader = Json.createReader(new StringReader(lines[lines.length - 1]))) {
                report = reader.readObject();
            }
            Set<String> answered = new TreeSet<>(Files.readAllLines(tokens));
            Files.deleteIfExists(tokens);
            return new Run(report, answered, r.stderr());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}

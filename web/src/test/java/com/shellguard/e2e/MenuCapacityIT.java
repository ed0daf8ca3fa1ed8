package com.shellguard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * People reading the menu hold no thread of the node: more of them than the WorkManager has threads (Payara's
 * default pool, 200) wait in the menu at once, each a stock ssh client, while another person logs in and works and
 * two of the waiting ones then choose and quit.
 */
class MenuCapacityIT {

    /** More than the WorkManager's 200 threads, spread over people so no one reaches the 100 connections a person may hold. */
    private static final int WAITING = 220;
    private static final int PEOPLE = 5;
    private static final String PROMPT = "(q to quit): ";

    private static Fixture fx;
    private static String server;

    @BeforeAll
    static void startGateway() {
        fx = Fixture.shared();
        server = fx.server("menu", true);
    }

    /** One ssh client left in the menu: its input held open, its output in a file. */
    private record Waiting(Process process, OutputStream input, Path output, Path errors) {

        static Waiting open(OpenSshClient client, String user) throws IOException {
            Path out = Files.createTempFile("sg-menu", ".out");
            Path err = Files.createTempFile("sg-menu", ".err");
            Process p = new ProcessBuilder(client.sshCommand(user, false, null))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            return new Waiting(p, p.getOutputStream(), out, err);
        }

        String shown() throws IOException {
            return Files.readString(output);
        }

        void type(String text) throws IOException {
            input.write(text.getBytes(StandardCharsets.UTF_8));
            input.flush();
        }

        void close() throws IOException {
            process.destroy();
            Files.deleteIfExists(output);
            Files.deleteIfExists(errors);
        }
    }

    @Test
    void peopleWaitingInTheMenuBeyondTheWorkManagersThreadsDoNotStopAnotherFromWorking() throws Exception {
        List<Fixture.Person> people = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            people.add(fx.personWithAccess("menuwait", server));
        }
        List<Waiting> waiting = new ArrayList<>();
        try {
            // in batches, so the connections that have not logged in yet stay under the per-address limit
            for (int i = 0; i < WAITING; i += 25) {
                List<Waiting> batch = new ArrayList<>();
                for (int j = i; j < Math.min(WAITING, i + 25); j++) {
                    Fixture.Person person = people.get(j % PEOPLE);
                    batch.add(Waiting.open(fx.keyClient(person), person.name()));
                }
                for (Waiting w : batch) {
                    awaitPrompt(w);
                }
                waiting.addAll(batch);
            }

            Fixture.Person worker = fx.personWithAccess("menuwork", server);
            Processes.Result r = Processes.run(fx.keyClient(worker).sshCommand(worker.name() + "@" + TargetServer.LOGIN
                    + "@" + server, false, "echo working-$((6*7))"), null, Duration.ofSeconds(120));
            assertEquals(0, r.exitCode(), r.output());
            assertEquals("working-42\n", r.stdout());

            Waiting chooser = waiting.remove(0);
            chooser.type("1\n");
            Fixture.Person first = people.get(0);
            fx.awaitSession(first.name(), s -> "SHELL".equals(s.getString("kind")), Duration.ofSeconds(120));
            chooser.type("echo chosen-$((6*7))\nexit 5\n");
            chooser.input().close();
            assertTrue(chooser.process().waitFor(120, TimeUnit.SECONDS), chooser.shown());
            assertEquals(5, chooser.process().exitValue(), chooser.shown());
            assertTrue(chooser.shown().contains("chosen-42"), chooser.shown());
            chooser.close();

            Waiting quitter = waiting.remove(0);
            quitter.type("q\n");
            assertTrue(quitter.process().waitFor(60, TimeUnit.SECONDS), quitter.shown());
            assertEquals(0, quitter.process().exitValue(), quitter.shown());
            quitter.close();

            for (Waiting w : waiting) {
                assertTrue(w.process().isAlive(), "still in the menu: " + w.shown());
            }
        } finally {
            for (Waiting w : waiting) {
                w.close();
            }
        }
    }

    private static void awaitPrompt(Waiting w) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!w.shown().endsWith(PROMPT)) {
            if (!w.process().isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("no menu: " + w.shown() + " / " + Files.readString(w.errors()));
            }
            Thread.sleep(100);
        }
    }
}

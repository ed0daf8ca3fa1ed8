package com.shellguard.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What an engineer does through the gateway with the stock OpenSSH client, and what the audit then shows. */
class GatewaySessionsIT {

    private static Fixture fx;
    private static String server;

    @BeforeAll
    static void startGateway() {
        fx = Fixture.shared();
        server = fx.server("web", true);
    }

    @Test
    void anExecCommandRunsOnTheTargetAndItsExitStatusComesBack() {
        Fixture.Person alice = fx.personWithAccess("alice", server);
        Processes.Result r = fx.keyClient(alice).ssh(alice.name() + "@" + TargetServer.LOGIN + "@" + server,
                "echo \"on $(whoami)\"; echo to-stderr >&2; exit 7");
        assertEquals(7, r.exitCode(), r.output());
        assertEquals("on " + TargetServer.LOGIN + "\n", r.stdout());
        assertTrue(r.stderr().contains("to-stderr"), r.stderr());

        JsonObject row = fx.awaitSession(alice.name(), s -> Fixture.has(s, "end"));
        assertEquals(server, row.getString("server"));
        assertEquals(TargetServer.LOGIN, row.getString("login"));
        assertEquals("EXEC", row.getString("kind"));
        assertEquals(7, row.getInt("exitStatus"));
        assertTrue(row.getJsonNumber("bytesToClient").longValue() >= ("on " + TargetServer.LOGIN + "\nto-stderr\n").length());
        assertTrue(row.getString("clientAddress").startsWith("127.0.0.1"), row.toString());
        assertTrue(Fixture.has(row, "start"));
    }

    @Test
    void userAtServerUsesTheGrantsOnlyLogin() {
        Fixture.Person bob = fx.personWithAccess("bob", server);
        Processes.Result r = fx.keyClient(bob).ssh(bob.name() + "@" + server, "whoami");
        assertEquals(0, r.exitCode(), r.output());
        assertEquals(TargetServer.LOGIN + "\n", r.stdout());
    }

    @Test
    void ecdsaAndRsaKeysLogInAsWellAsEd25519() {
        for (String type : List.of("ecdsa", "rsa")) {
            String name = Fixture.unique(type + "user");
            Path key = Fixture.newKey(name, type);
            fx.admin.post("/users", "{\"username\":\"" + name + "\",\"publicKeys\":[" + Api.quote(Fixture.publicKey(key)) + "]}")
                    .expect(201);
            fx.admin.post("/grants", "{\"user\":\"" + name + "\",\"server\":\"" + server + "\",\"logins\":[\""
                    + TargetServer.LOGIN + "\"]}").expect(201);
            Processes.Result r = OpenSshClient.withKey(fx.gateway.sshPort(), key).ssh(name + "@" + server, "echo " + type + "-ok");
            assertEquals(0, r.exitCode(), type + ": " + r.output());
            assertEquals(type + "-ok\n", r.stdout());
        }
    }

    @Test
    void aPasswordLoginWorksForTheGatewayUser() {
        Fixture.Person carol = fx.personWithAccess("carol", server);
        Processes.Result r = fx.passwordClient(carol.password()).ssh(carol.name() + "@" + server, "echo password-ok");
        assertEquals(0, r.exitCode(), r.output());
        assertEquals("password-ok\n", r.stdout());
        fx.awaitAuthEvent(carol.name(), e -> e.getBoolean("success") && "PASSWORD".equals(e.getString("method")));
    }

    @Test
    void inputPipedThroughTheGatewayArrivesIntactAndEndsWithEof() throws Exception {
        Fixture.Person dan = fx.personWithAccess("dan", server);
        byte[] data = new byte[8 * 1024 * 1024];
        new Random(42).nextBytes(data);
        Path file = Files.createTempFile("sg-bulk", ".bin");
        Files.write(file, data);
        ProcessBuilder pb = new ProcessBuilder(fx.keyClient(dan).sshCommand(dan.name() + "@" + server, false, "sha256sum"))
                .redirectInput(file.toFile());
        Processes.Result r = Processes.run(pb, null, Duration.ofSeconds(90));
        assertEquals(0, r.exitCode(), r.output());
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        assertTrue(r.stdout().startsWith(expected), r.stdout());
        JsonObject row = fx.awaitSession(dan.name(), s -> Fixture.has(s, "end"));
        assertTrue(row.getJsonNumber("bytesFromClient").longValue() >= data.length, row.toString());
    }

    @Test
    void outputReachesTheClientByteForByte() throws Exception {
        Fixture.Person erin = fx.personWithAccess("erin", server);
        String remote = "/tmp/sg-bytes-" + UUID.randomUUID();
        byte[] data = new byte[256 * 1024];
        new Random(7).nextBytes(data);
        Path local = Files.createTempFile("sg-bytes", ".bin");
        Files.write(local, data);
        OpenSshClient client = fx.keyClient(erin);
        ProcessBuilder upload = new ProcessBuilder(client.sshCommand(erin.name() + "@" + server, false, "cat > " + remote))
                .redirectInput(local.toFile());
        assertEquals(0, Processes.run(upload, null, Duration.ofSeconds(60)).exitCode());
        Path back = Files.createTempFile("sg-bytes-back", ".bin");
        ProcessBuilder download = new ProcessBuilder(client.sshCommand(erin.name() + "@" + server, false, "cat " + remote + "; rm " + remote))
                .redirectOutput(back.toFile());
        download.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p = download.start();
        assertEquals(0, p.waitFor());
        assertArrayEquals(data, Files.readAllBytes(back));
    }

    @Test
    void anInteractiveShellTakesKeystrokesResizesAndInterrupts() {
        Fixture.Person fay = fx.personWithAccess("fay", server);
        OpenSshClient client = fx.keyClient(fay);
        try (Terminal t = Terminal.open(client.sshCommand(fay.name() + "@" + TargetServer.LOGIN + "@" + server, true, null),
                List.of(), 120, 40)) {
            t.waitFor("\\$ $");
            t.line("echo result=$((6*7))");
            t.waitFor("^result=42");
            t.line("stty size");
            t.waitFor("^40 120");
            t.resize(100, 30);
            Processes.sleep(Duration.ofMillis(300));
            t.line("stty size");
            t.waitFor("^30 100");
            t.line("sleep 300");
            Processes.sleep(Duration.ofMillis(500));
            t.press("C-c");
            t.line("echo after-interrupt");
            t.waitFor("^after-interrupt", Duration.ofSeconds(10));
            t.line("exit 3");
            assertEquals(3, t.awaitExit());
        }
        JsonObject row = fx.awaitSession(fay.name(), s -> Fixture.has(s, "end"));
        assertEquals("SHELL", row.getString("kind"));
        assertEquals(3, row.getInt("exitStatus"));
    }

    @Test
    void theMenuOffersTheGrantedServersAndConnectsToTheChoice() {
        String second = fx.server("db", true);
        Fixture.Person gus = fx.personWithAccess("gus", server);
        fx.grant(gus, second, TargetServer.LOGIN);
        try (Terminal t = Terminal.open(fx.keyClient(gus).sshCommand(gus.name(), true, null), List.of(), 120, 40)) {
            String menu = t.waitFor("Enter a number");
            assertTrue(menu.contains(TargetServer.LOGIN + "@" + server), menu);
            assertTrue(menu.contains(TargetServer.LOGIN + "@" + second), menu);
            t.line(TargetServer.LOGIN + "@" + second);
            t.waitFor("\\$ $");
            t.line("echo chosen-$((1+1))");
            t.waitFor("^chosen-2");
            t.line("exit");
            assertEquals(0, t.awaitExit());
        }
        JsonObject row = fx.awaitSession(gus.name(), s -> Fixture.has(s, "end"));
        assertEquals(second, row.getString("server"));
    }

    @Test
    void scpAndSftpCopyFilesBothWaysAndAreAuditedAsFileTransfers() throws IOException {
        Fixture.Person hal = fx.personWithAccess("hal", server);
        OpenSshClient client = fx.keyClient(hal);
        byte[] data = new byte[3 * 1024 * 1024 + 17];
        new Random(3).nextBytes(data);
        Path local = Files.createTempFile("sg-scp", ".bin");
        Files.write(local, data);
        String target = hal.name() + "@" + server;
        String remote = "/tmp/sg-scp-" + UUID.randomUUID();

        assertEquals(0, client.scp(local.toString(), target + "@127.0.0.1:" + remote).exitCode());
        Path back = local.resolveSibling(local.getFileName() + ".back");
        assertEquals(0, client.scp(target + "@127.0.0.1:" + remote, back.toString()).exitCode());
        assertArrayEquals(data, Files.readAllBytes(back));

        Path legacy = local.resolveSibling(local.getFileName() + ".legacy");
        assertEquals(0, client.scp("-O", target + "@127.0.0.1:" + remote, legacy.toString()).exitCode());
        assertArrayEquals(data, Files.readAllBytes(legacy));

        Path viaSftp = local.resolveSibling(local.getFileName() + ".sftp");
        Processes.Result r = client.sftp(target, "put " + local + " " + remote + ".2\nget " + remote + ".2 " + viaSftp
                + "\nrm " + remote + "\nrm " + remote + ".2\n");
        assertEquals(0, r.exitCode(), r.output());
        assertArrayEquals(data, Files.readAllBytes(viaSftp));

        fx.awaitSession(hal.name(), s -> "SFTP".equals(s.getString("kind")) && Fixture.has(s, "end"));
        fx.awaitSession(hal.name(), s -> "SCP".equals(s.getString("kind")) && Fixture.has(s, "end"));
    }

    @Test
    void closingTheClientEndsTheSessionOnTheTargetAndInTheAudit() {
        Fixture.Person ida = fx.personWithAccess("ida", server);
        String marker = "sg-alive-" + UUID.randomUUID().toString().substring(0, 8);
        try (Terminal t = Terminal.open(fx.keyClient(ida).sshCommand(ida.name() + "@" + server, true, null), List.of(), 100, 30)) {
            t.waitFor("\\$ $");
            t.line("exec -a " + marker + " sleep 600");
            Processes.sleep(Duration.ofSeconds(1));
            assertTrue(Processes.run(List.of("pgrep", "-f", marker)).exitCode() == 0, "the remote command should be running");
        }
        JsonObject row = fx.awaitSession(ida.name(), s -> Fixture.has(s, "end"));
        assertTrue(Fixture.has(row, "end"));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (Processes.run(List.of("pgrep", "-f", marker)).exitCode() == 0 && System.nanoTime() < deadline) {
            Processes.sleep(Duration.ofMillis(200));
        }
        assertEquals(1, Processes.run(List.of("pgrep", "-f", marker)).exitCode(), "the remote command should have ended");
    }
}

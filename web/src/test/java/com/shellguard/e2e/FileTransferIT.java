package com.shellguard.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * File transfers through the gateway with the stock clients (sftp, scp in its default SFTP mode and in its legacy
 * mode, rsync over ssh) against the real sshd: the content arrives intact, each file is an audit row, the login's
 * startup and key files cannot be replaced through a transfer, and no exec text escapes command control.
 */
class FileTransferIT {

    private static final Path HOME = Path.of("/home/" + TargetServer.LOGIN);
    private static Fixture fx;
    private static String server;
    private static Path work;

    @BeforeAll
    static void prepare() throws IOException {
        fx = Fixture.shared();
        server = fx.server("xfer", true);
        work = TargetFiles.directory("sg-xfer");
    }

    private static Path localFile(String name, int size) throws IOException {
        byte[] data = new byte[size];
        new Random(size).nextBytes(data);
        Path file = Files.createTempFile("sg-xfer-" + name, ".bin");
        Files.write(file, data);
        return file;
    }

    @Test
    void sftpAndScpCopyFilesBothWaysIntactAndEachFileIsAnAuditRow() throws IOException {
        Fixture.Person p = fx.personWithAccess("xferuser", server);
        OpenSshClient client = fx.keyClient(p);
        String target = p.name() + "@" + server;
        Path big = localFile("big", 20 * 1024 * 1024 + 5);
        byte[] data = Files.readAllBytes(big);

        String viaSftp = work + "/sftp-" + UUID.randomUUID();
        Path sftpBack = big.resolveSibling(big.getFileName() + ".sftp");
        Processes.Result sftp = client.sftp(target, "mkdir " + viaSftp + ".d\nput " + big + " " + viaSftp + "\nget " + viaSftp
                + " " + sftpBack + "\nrename " + viaSftp + " " + viaSftp + ".renamed\nrm " + viaSftp + ".renamed\nrmdir "
                + viaSftp + ".d\n");
        assertEquals(0, sftp.exitCode(), sftp.output());
        assertArrayEquals(data, Files.readAllBytes(sftpBack));

        String viaScp = work + "/scp-" + UUID.randomUUID();
        Path scpBack = big.resolveSibling(big.getFileName() + ".scp");
        assertEquals(0, client.scp(big.toString(), target + "@127.0.0.1:" + viaScp).exitCode());
        assertEquals(0, client.scp(target + "@127.0.0.1:" + viaScp, scpBack.toString()).exitCode());
        assertArrayEquals(data, Files.readAllBytes(scpBack));

        String viaLegacy = work + "/legacy-" + UUID.randomUUID();
        Path legacyBack = big.resolveSibling(big.getFileName() + ".legacy");
        Processes.Result up = client.scp("-O", big.toString(), target + "@127.0.0.1:" + viaLegacy);
        assertEquals(0, up.exitCode(), up.output());
        assertArrayEquals(data, Files.readAllBytes(Path.of(viaLegacy)));
        Processes.Result down = client.scp("-O", target + "@127.0.0.1:" + viaLegacy, legacyBack.toString());
        assertEquals(0, down.exitCode(), down.output());
        assertArrayEquals(data, Files.readAllBytes(legacyBack));

        for (String path : List.of(viaSftp, viaScp, viaLegacy)) {
            JsonObject upload = awaitTransfer(p, t -> path.equals(t.getString("path")) && "UPLOAD".equals(t.getString("action")));
            assertEquals(data.length, upload.getJsonNumber("bytes").longValue(), upload.toString());
            assertEquals("OK", upload.getString("result"));
            assertEquals("UPLOAD", upload.getString("direction"));
            assertEquals(server, upload.getString("server"));
            assertEquals(TargetServer.LOGIN, upload.getString("login"));
            JsonObject download = awaitTransfer(p, t -> path.equals(t.getString("path")) && "DOWNLOAD".equals(t.getString("action")));
            assertEquals(data.length, download.getJsonNumber("bytes").longValue(), download.toString());
        }
        awaitTransfer(p, t -> "MKDIR".equals(t.getString("action")) && (viaSftp + ".d").equals(t.getString("path")));
        awaitTransfer(p, t -> "RMDIR".equals(t.getString("action")) && (viaSftp + ".d").equals(t.getString("path")));
        awaitTransfer(p, t -> "RENAME".equals(t.getString("action")) && (viaSftp + ".renamed").equals(t.getString("otherPath", null)));
        awaitTransfer(p, t -> "REMOVE".equals(t.getString("action")) && (viaSftp + ".renamed").equals(t.getString("path")));
        JsonObject session = fx.awaitSession(p.name(), s -> "SCP".equals(s.getString("kind")) && Fixture.has(s, "end"));
        assertEquals(404, fx.admin.get("/sessions/" + session.getString("id") + "/recording").status(), "transfers are not recorded");
    }

    @Test
    void uploadsOntoTheLoginsStartupAndKeyFilesAreRefusedAuditedAndAlerted() throws IOException {
        Fixture.Person p = fx.personWithAccess("xferattack", server);
        OpenSshClient client = fx.keyClient(p);
        String target = p.name() + "@" + server;
        Path bashrc = HOME.resolve(".bashrc");
        byte[] before = Files.readAllBytes(bashrc);
        Path profile = HOME.resolve(".profile");
        byte[] profileBefore = Files.exists(profile) ? Files.readAllBytes(profile) : null;
        Path evil = Files.createTempFile("sg-evil", ".sh");
        Files.writeString(evil, "echo planted\n");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        boolean hadKeyDirectory = Files.exists(HOME.resolve(".ssh"));
        try {
            // sg-up-TAG/in/.. is the home as the target resolves it (in is a link to another directory of the home),
            // though the text collapses to sg-up-TAG
            Processes.Result link = client.ssh(target, "ln -s .bashrc sg-shell-link-" + tag + " && mkdir sg-away-" + tag
                    + " sg-up-" + tag + " && ln -s \"$HOME/sg-away-" + tag + "\" sg-up-" + tag + "/in");
            assertEquals(0, link.exitCode(), link.output());
            Processes.Result sftp = client.sftp(target, String.join("\n",
                    "-put " + evil + " .bashrc",
                    "-mkdir .ssh",
                    "-put " + evil + " .ssh/authorized_keys",
                    "-put " + evil + " .ssh/authorized_keys2",
                    "-put " + evil + " .pam_environment",
                    "-symlink .bashrc sg-sftp-link-" + tag,
                    "-put " + evil + " sg-shell-link-" + tag,
                    "put " + evil + " sg-staged-" + tag,
                    "-rename sg-staged-" + tag + " .bashrc",
                    "-chmod 666 .bashrc",
                    "-rename .ssh sg-keys-" + tag,
                    "-put " + evil + " sg-up-" + tag + "/in/../.profile",
                    "rm sg-staged-" + tag, ""));
            assertEquals(0, sftp.exitCode(), sftp.output());
            Processes.Result legacy = client.scp("-O", evil.toString(), target + "@127.0.0.1:.bashrc");
            assertNotEquals(0, legacy.exitCode(), legacy.output());
            assertTrue(legacy.stderr().contains("refused"), legacy.stderr());

            assertArrayEquals(before, Files.readAllBytes(bashrc), "~/.bashrc is unchanged");
            assertArrayEquals(profileBefore, Files.exists(profile) ? Files.readAllBytes(profile) : null,
                    "~/.profile is unchanged, though reached through a link and ..");
            assertFalse(Files.exists(HOME.resolve(".ssh/authorized_keys")));
            assertFalse(Files.exists(HOME.resolve(".ssh/authorized_keys2")), "OpenSSH's second key file is protected too");
            assertFalse(Files.exists(HOME.resolve(".pam_environment")), "what PAM reads before the session is protected");
            assertFalse(Files.exists(HOME.resolve("sg-sftp-link-" + tag), LinkOption.NOFOLLOW_LINKS));
            assertTrue(Files.isDirectory(HOME.resolve(".ssh")));

            String home = HOME.toString();
            JsonObject refused = awaitTransfer(p, refusal("UPLOAD", home + "/.bashrc"));
            assertTrue(refused.getString("detail").contains("protected"), refused.toString());
            awaitTransfer(p, refusal("UPLOAD", home + "/.ssh/authorized_keys"));
            awaitTransfer(p, refusal("UPLOAD", home + "/.ssh/authorized_keys2"));
            awaitTransfer(p, refusal("UPLOAD", home + "/.pam_environment"));
            awaitTransfer(p, refusal("SYMLINK", home + "/sg-sftp-link-" + tag));
            awaitTransfer(p, refusal("UPLOAD", home + "/sg-shell-link-" + tag));
            awaitTransfer(p, refusal("RENAME", home + "/sg-staged-" + tag));
            awaitTransfer(p, refusal("SETSTAT", home + "/.bashrc"));
            awaitTransfer(p, refusal("RENAME", home + "/.ssh"));
            awaitTransfer(p, t -> "UPLOAD".equals(t.getString("action")) && t.getString("path").endsWith("/.profile")
                    && "REFUSED".equals(t.getString("result")));
            if (!hadKeyDirectory) {
                // ~/.ssh itself is not protected: made where it was not there (a mkdir that fails is not a transfer)
                awaitTransfer(p, t -> "MKDIR".equals(t.getString("action")) && "OK".equals(t.getString("result")));
            }
            fx.awaitAlert(refused.getString("session"), a -> "PROTECTED_FILE".equals(a.getString("kind")),
                    "a PROTECTED_FILE alert for the refused upload");
        } finally {
            Files.write(bashrc, before);
            if (profileBefore != null) {
                Files.write(profile, profileBefore);
            }
            Files.deleteIfExists(HOME.resolve("sg-up-" + tag + "/in"));
            Files.deleteIfExists(HOME.resolve("sg-up-" + tag));
            Files.deleteIfExists(HOME.resolve("sg-away-" + tag));
            for (String name : List.of("sg-shell-link-", "sg-sftp-link-", "sg-staged-")) {
                Files.deleteIfExists(HOME.resolve(name + tag));
            }
            Files.deleteIfExists(HOME.resolve(".ssh/authorized_keys"));
            Files.deleteIfExists(HOME.resolve(".ssh/authorized_keys2"));
            Files.deleteIfExists(HOME.resolve(".pam_environment"));
            if (!hadKeyDirectory) {
                Files.deleteIfExists(HOME.resolve(".ssh"));
            }
        }
    }

    private static Predicate<JsonObject> refusal(String action, String path) {
        return t -> action.equals(t.getString("action")) && path.equals(t.getString("path"))
                && "REFUSED".equals(t.getString("result"));
    }

    @Test
    void anExecThatMerelyStartsWithScpIsAnOrdinaryHookedCommand() {
        Fixture.Person p = fx.personWithAccess("xferexec", server);
        fx.admin.post("/command-rules", "{\"name\":" + Api.quote(Fixture.unique("xfer")) + ",\"match\":\"command\","
                + "\"pattern\":\"id\",\"action\":\"BLOCK\",\"users\":[" + Api.quote(p.name()) + "]}").expect(201);
        Processes.Result r = fx.keyClient(p).ssh(p.name() + "@" + server, "scp x; id; echo after-id");
        assertFalse(r.stdout().contains("uid="), r.output());
        JsonObject session = fx.awaitSession(p.name(), s -> Fixture.has(s, "end"));
        assertEquals("EXEC", session.getString("kind"));
        fx.awaitCommand(session.getString("id"), c -> "BLOCKED".equals(c.getString("verdict", null))
                && c.getString("command", "").startsWith("id"), "the blocked id inside the scp-looking exec");
    }

    @Test
    void rsyncOverSshRunsAsAHookedExecAndItsProtocolSurvives() throws IOException {
        Fixture.Person p = fx.personWithAccess("xferrsync", server);
        OpenSshClient client = fx.keyClient(p);
        Path local = Files.createTempDirectory("sg-rsync-src");
        Path file = localFile("rsync", 3 * 1024 * 1024 + 1);
        Files.copy(file, local.resolve("data.bin"));
        Files.writeString(local.resolve("note.txt"), "hello\n");
        String remote = work + "/rsync-" + UUID.randomUUID();
        String destination = p.name() + "@" + server + "@127.0.0.1:" + remote;
        Processes.Result up = Processes.run(new ProcessBuilder("rsync", "-a", "-e", client.rshCommand(), local + "/", destination),
                null, Duration.ofSeconds(90));
        assertEquals(0, up.exitCode(), up.output());
        Path back = Files.createTempDirectory("sg-rsync-back");
        Processes.Result down = Processes.run(new ProcessBuilder("rsync", "-a", "-e", client.rshCommand(), destination + "/",
                back + "/"), null, Duration.ofSeconds(90));
        assertEquals(0, down.exitCode(), down.output());
        assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(back.resolve("data.bin")));
        assertEquals("hello\n", Files.readString(back.resolve("note.txt")));
        JsonObject session = fx.awaitSession(p.name(), s -> "EXEC".equals(s.getString("kind")) && Fixture.has(s, "end")
                && s.getString("command", "").startsWith("rsync --server"));
        fx.awaitCommand(session.getString("id"), c -> c.getString("command", "").startsWith("rsync"), "the audited rsync start");
    }

    private static JsonObject awaitTransfer(Fixture.Person p, Predicate<JsonObject> condition) {
        return fx.awaitTransferOf(p.name(), condition, "matching file transfer");
    }
}

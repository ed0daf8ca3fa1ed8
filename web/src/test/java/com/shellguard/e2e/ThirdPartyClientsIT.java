package com.shellguard.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Clients no one here wrote, through the gateway to the real sshd, as their users run them: git over ssh, rsync with
 * {@code -e ssh}, sshfs (FUSE), PuTTY's plink, pscp and psftp, and one asyncssh connection opening many channels at
 * once. Each checks what arrived on the other side and what the audit shows. The clients are Debian's packages
 * ({@code git}, {@code rsync}, {@code sshfs}, {@code putty-tools}, {@code python3-asyncssh}), which scripts/test.sh
 * installs; asyncssh runs under Debian's own {@code /usr/bin/python3}.
 */
class ThirdPartyClientsIT {

    private static Fixture fx;
    private static String server;
    private static Path work;

    @BeforeAll
    static void prepare() throws IOException {
        fx = Fixture.shared();
        server = fx.server("clients", true);
        work = TargetFiles.directory("sg-clients");
    }

    private static String user(Fixture.Person p) {
        return p.name() + "@" + TargetServer.LOGIN + "@" + server;
    }

    /** A program as the target account, as the account's owner would have set things up beforehand. */
    private static void asTargetAccount(String... command) {
        List<String> cmd = new ArrayList<>(List.of("runuser", "-u", TargetServer.LOGIN, "--"));
        cmd.addAll(List.of(command));
        Processes.check(cmd);
    }

    private static Processes.Result run(List<String> command, Map<String, String> environment, Path directory) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        return Processes.run(builder, null, Duration.ofSeconds(180));
    }

    private static Processes.Result ok(Processes.Result r) {
        assertEquals(0, r.exitCode(), r.output());
        return r;
    }

    private static boolean program(JsonObject row, String path, String commandStart) {
        return "program".equals(row.getString("origin", null)) && path.equals(row.getString("path", null))
                && row.getString("command", "").startsWith(commandStart);
    }

    private static Path localTree() throws IOException {
        Path tree = Files.createTempDirectory("sg-tree");
        Files.writeString(tree.resolve("a.txt"), "first file\n");
        byte[] data = new byte[100_000];
        new Random(11).nextBytes(data);
        Files.createDirectories(tree.resolve("sub"));
        Files.write(tree.resolve("sub/b.bin"), data);
        return tree;
    }

    @Test
    void gitClonesAndPushesOverSshToARepositoryOnTheTargetAndEachPackProgramIsAudited() throws IOException {
        Fixture.Person p = fx.personWithAccess("git", server);
        String repo = work + "/" + Fixture.unique("repo") + ".git";
        asTargetAccount("git", "init", "-q", "--bare", "-b", "main", repo);
        String url = "ssh://" + user(p) + "@127.0.0.1:" + fx.gateway.sshPort() + repo;
        Map<String, String> env = Map.of("GIT_SSH_COMMAND", fx.keyClient(p).rshCommand(),
                "GIT_AUTHOR_NAME", "a", "GIT_AUTHOR_EMAIL", "a@example.org", "GIT_COMMITTER_NAME", "a",
                "GIT_COMMITTER_EMAIL", "a@example.org");
        Path local = Files.createTempDirectory("sg-git");

        ok(run(List.of("git", "clone", "-q", url, "first"), env, local));
        Files.writeString(local.resolve("first/README"), "pushed through the gateway\n");
        ok(run(List.of("git", "add", "README"), env, local.resolve("first")));
        ok(run(List.of("git", "commit", "-q", "-m", "first"), env, local.resolve("first")));
        ok(run(List.of("git", "push", "-q", "origin", "HEAD:main"), env, local.resolve("first")));
        ok(run(List.of("git", "clone", "-q", "-b", "main", url, "second"), env, local));

        assertEquals("pushed through the gateway\n", Files.readString(local.resolve("second/README")));
        assertEquals(ok(run(List.of("git", "rev-parse", "HEAD"), env, local.resolve("first"))).stdout(),
                ok(run(List.of("git", "--git-dir=" + repo, "rev-parse", "main"), Map.of("GIT_CONFIG_COUNT", "1",
                        "GIT_CONFIG_KEY_0", "safe.directory", "GIT_CONFIG_VALUE_0", "*"), null)).stdout(),
                "the pushed commit is the repository's main on the target");

        fx.awaitSession(p.name(), s -> ("git-receive-pack '" + repo + "'").equals(s.getString("command", null))
                && s.containsKey("exitStatus") && s.getInt("exitStatus") == 0);
        fx.awaitSession(p.name(), s -> ("git-upload-pack '" + repo + "'").equals(s.getString("command", null))
                && s.containsKey("exitStatus") && s.getInt("exitStatus") == 0);
        fx.awaitCommandOf(p.name(), c -> "supervisor".equals(c.getString("shell", null))
                && program(c, "/usr/bin/git", "git-receive-pack " + repo), "git-receive-pack's start");
        fx.awaitCommandOf(p.name(), c -> "supervisor".equals(c.getString("shell", null))
                && c.getString("command", "").contains("unpack-objects"), "the objects git-receive-pack unpacked");
    }

    @Test
    void rsyncOverSshCopiesATreeUpAndDownAndItsServerProgramIsAudited() throws IOException {
        Fixture.Person p = fx.personWithAccess("rsync", server);
        Path tree = localTree();
        String remote = work + "/" + Fixture.unique("rsync");
        String rsh = fx.keyClient(p).rshCommand();

        ok(Processes.run(List.of("rsync", "-a", "-e", rsh, tree + "/", user(p) + "@127.0.0.1:" + remote + "/"), null,
                Duration.ofSeconds(120)));
        assertArrayEquals(Files.readAllBytes(tree.resolve("sub/b.bin")), Files.readAllBytes(Path.of(remote, "sub/b.bin")));
        assertEquals(TargetServer.LOGIN, Files.getOwner(Path.of(remote, "a.txt")).getName());

        Path back = Files.createTempDirectory("sg-rsync-back");
        ok(Processes.run(List.of("rsync", "-a", "-e", rsh, user(p) + "@127.0.0.1:" + remote + "/", back + "/"), null,
                Duration.ofSeconds(120)));
        assertEquals("first file\n", Files.readString(back.resolve("a.txt")));
        assertArrayEquals(Files.readAllBytes(tree.resolve("sub/b.bin")), Files.readAllBytes(back.resolve("sub/b.bin")));

        fx.awaitSession(p.name(), s -> s.getString("command", "").startsWith("rsync --server -")
                && s.getString("command", "").endsWith(remote + "/") && s.getInt("exitStatus", -1) == 0);
        fx.awaitSession(p.name(), s -> s.getString("command", "").startsWith("rsync --server --sender")
                && s.getInt("exitStatus", -1) == 0);
        fx.awaitCommandOf(p.name(), c -> "supervisor".equals(c.getString("shell", null)) && program(c, "/usr/bin/rsync", "rsync --server --sender"),
                "the download's rsync server");
    }

    @Test
    void sshfsMountsThroughTheGatewayAndEachFileReadOrWrittenIsATransferRow() throws IOException {
        assertTrue(Files.exists(Path.of("/dev/fuse")), "sshfs needs /dev/fuse, which this machine does not have");
        Fixture.Person p = fx.personWithAccess("sshfs", server);
        Path remote = TargetFiles.directory("sg-sshfs");
        TargetFiles.file(remote.resolve("hello.txt"), "read through sshfs\n");
        Path mount = Files.createTempDirectory("sg-sshfs");
        Path knownHosts = Files.createTempFile("sg-known", "");
        ok(Processes.run(List.of("sshfs", "-p", String.valueOf(fx.gateway.sshPort()), "-o", "IdentityFile=" + p.key()
                + ",IdentitiesOnly=yes,BatchMode=yes,StrictHostKeyChecking=accept-new,UserKnownHostsFile=" + knownHosts,
                user(p) + "@127.0.0.1:" + remote, mount.toString()), null, Duration.ofSeconds(120)));
        try {
            try (var listing = Files.list(mount)) {
                assertEquals(List.of("hello.txt"), listing.map(f -> f.getFileName().toString()).toList());
            }
            assertEquals("read through sshfs\n", Files.readString(mount.resolve("hello.txt")));
            Files.writeString(mount.resolve("written.txt"), "written through sshfs\n");
        } finally {
            Processes.run(List.of("fusermount3", "-u", mount.toString()));
        }
        assertEquals("written through sshfs\n", Files.readString(remote.resolve("written.txt")));
        assertEquals(TargetServer.LOGIN, Files.getOwner(remote.resolve("written.txt")).getName());

        JsonObject read = fx.awaitTransferOf(p.name(), t -> "DOWNLOAD".equals(t.getString("direction", null))
                && (remote + "/hello.txt").equals(t.getString("path", null)), "the file sshfs read");
        assertEquals("read through sshfs\n".length(), read.getJsonNumber("bytes").longValue(), read.toString());
        JsonObject written = fx.awaitTransferOf(p.name(), t -> "UPLOAD".equals(t.getString("direction", null))
                && (remote + "/written.txt").equals(t.getString("path", null)), "the file sshfs wrote");
        assertEquals("written through sshfs\n".length(), written.getJsonNumber("bytes").longValue(), written.toString());
        assertEquals("OK", written.getString("result"));
        fx.awaitSession(p.name(), s -> "SFTP".equals(s.getString("kind", null)) && Provisioning.has(s, "end"));
    }

    @Test
    void plinkRunsACommandWithItsExitStatusAndPscpAndPsftpCopyBothWays() throws IOException {
        Fixture.Person p = fx.personWithAccess("putty", server);
        Path ppk = Path.of(p.key() + ".ppk");
        Processes.check(List.of("puttygen", p.key().toString(), "-O", "private", "-o", ppk.toString()));
        String scan = Processes.check(List.of("ssh-keyscan", "-p", String.valueOf(fx.gateway.sshPort()), "127.0.0.1")).stdout();
        String hostKey = Processes.run(List.of("ssh-keygen", "-l", "-f", "-"), scan, Duration.ofSeconds(10)).stdout().split("\\s+")[1];
        List<String> common = List.of("-batch", "-hostkey", hostKey, "-i", ppk.toString(), "-P", String.valueOf(fx.gateway.sshPort()));
        String at = user(p) + "@127.0.0.1";

        List<String> plink = new ArrayList<>(List.of("plink"));
        plink.addAll(common);
        plink.addAll(List.of(at, "id -un; exit 3"));
        Processes.Result r = Processes.run(plink, null, Duration.ofSeconds(120));
        assertEquals(3, r.exitCode(), r.output());
        assertEquals(TargetServer.LOGIN, r.stdout().trim());

        byte[] data = new byte[300_000];
        new Random(5).nextBytes(data);
        Path local = Files.createTempFile("sg-putty", ".bin");
        Files.write(local, data);
        for (String mode : List.of("-sftp", "-scp")) {
            String remote = work + "/" + Fixture.unique("pscp" + mode);
            Path back = Path.of(local + mode);
            List<String> up = new ArrayList<>(List.of("pscp", "-q", mode));
            up.addAll(common);
            up.addAll(List.of(local.toString(), at + ":" + remote));
            ok(Processes.run(up, null, Duration.ofSeconds(120)));
            List<String> down = new ArrayList<>(List.of("pscp", "-q", mode));
            down.addAll(common);
            down.addAll(List.of(at + ":" + remote, back.toString()));
            ok(Processes.run(down, null, Duration.ofSeconds(120)));
            assertArrayEquals(data, Files.readAllBytes(Path.of(remote)), mode);
            assertArrayEquals(data, Files.readAllBytes(back), mode);
            for (String direction : List.of("UPLOAD", "DOWNLOAD")) {
                JsonObject row = fx.awaitTransferOf(p.name(), t -> direction.equals(t.getString("direction", null))
                        && remote.equals(t.getString("path", null)), "pscp " + mode + " " + direction);
                assertEquals(data.length, row.getJsonNumber("bytes").longValue(), row.toString());
            }
        }

        // psftp speaks SFTP version 3, whose clients know status codes 0 to 8 only: a failure reads as OpenSSH's would
        String viaPsftp = work + "/" + Fixture.unique("psftp");
        Path batch = Files.createTempFile("sg-psftp", ".txt");
        Files.writeString(batch, "put " + local + " " + viaPsftp + "\nget " + viaPsftp + " " + local + ".psftp\nmkdir "
                + work + "\nls " + viaPsftp + "\n");
        List<String> psftp = new ArrayList<>(List.of("psftp", "-be", "-b", batch.toString()));
        psftp.addAll(common);
        psftp.add(at);
        r = Processes.run(psftp, null, Duration.ofSeconds(120));
        assertArrayEquals(data, Files.readAllBytes(Path.of(local + ".psftp")), r.output());
        assertTrue(r.output().contains("mkdir " + work + ": failure"), r.output());
        assertTrue(r.output().contains("Unable to open " + viaPsftp + ": no such file or directory"), r.output());
        assertFalse(r.output().contains("unknown error code"), r.output());

        fx.awaitSession(p.name(), s -> "id -un; exit 3".equals(s.getString("command", null)) && s.getInt("exitStatus", -1) == 3);
        fx.awaitSession(p.name(), s -> "SCP".equals(s.getString("kind", null)) && Provisioning.has(s, "end"));
    }

    @Test
    void oneAsyncsshConnectionOpensTwentyExecChannelsAtOnceAndAnSftpChannelAndEveryOneIsAnsweredAndAudited() throws IOException {
        Fixture.Person p = fx.personWithAccess("asyncssh", server);
        Path listed = Path.of(work.toString(), Fixture.unique("listed"));
        TargetFiles.file(listed.resolve("one.txt"), "1\n");
        Path script = Files.createTempFile("sg-asyncssh", ".py");
        Files.writeString(script, String.join("\n",
                "import asyncio, sys, asyncssh",
                "async def main(port, user, key, listed):",
                "    async with asyncssh.connect('127.0.0.1', port=port, username=user, client_keys=[key], known_hosts=None) as conn:",
                "        async def one(i):",
                "            r = await conn.run(f'echo channel-{i}; exit {i % 7}', check=False)",
                "            return f'{i} {r.stdout.strip()} {r.exit_status} {r.stderr.strip()}'",
                "        for line in await asyncio.gather(*(one(i) for i in range(20))):",
                "            print(line)",
                "        async with conn.start_sftp_client() as sftp:",
                "            print('sftp', sorted(await sftp.listdir(listed)))",
                "asyncio.run(main(int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]))",
                ""));
        Processes.Result r = Processes.run(List.of("/usr/bin/python3", "-W", "ignore", script.toString(),
                String.valueOf(fx.gateway.sshPort()), user(p), p.key().toString(), listed.toString()), null, Duration.ofSeconds(240));
        assertEquals(0, r.exitCode(), r.output());
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            expected.add(i + " channel-" + i + " " + (i % 7) + " ");
        }
        expected.add("sftp ['.', '..', 'one.txt']");
        assertEquals(expected, r.stdout().lines().toList(), r.output());

        for (int i = 0; i < 20; i++) {
            String command = "echo channel-" + i + "; exit " + (i % 7);
            int status = i % 7;
            fx.awaitSession(p.name(), s -> command.equals(s.getString("command", null)) && s.getInt("exitStatus", -1) == status);
        }
        fx.awaitSession(p.name(), s -> "SFTP".equals(s.getString("kind", null)) && Provisioning.has(s, "end"));
    }
}

package com.shellguard.e2e;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

/**
 * A real OpenSSH sshd on 127.0.0.1 with its own host keys (rsa, ecdsa and ed25519, as a stock sshd has, unless a
 * test asks for others) and configuration, reached as the local
 * account {@value #LOGIN} (created by scripts/test.sh), or {@value #ZSH_LOGIN} and {@value #DASH_LOGIN} whose
 * login shells are zsh and dash. It accepts the key in {@link #clientKey()} and the password {@value #PASSWORD}.
 */
final class TargetServer implements AutoCloseable {

    static final String LOGIN = "sgtarget";
    static final String ZSH_LOGIN = "sgzsh";
    static final String DASH_LOGIN = "sgdash";
    static final String PASSWORD = "Target-pass-7Q";
    /** The host keys a stock sshd generates. */
    static final List<String> STOCK_HOST_KEYS = List.of("rsa", "ecdsa", "ed25519");

    private final Path dir;
    private final int port;
    private final Process process;
    private final List<String> hostKeyTypes;
    /** Where the target's own files are seen from here: / for this machine, an overlay's upper layer for a root. */
    private final Path files;

    private TargetServer(Path dir, int port, Process process, List<String> hostKeyTypes, Path files) {
        this.dir = dir;
        this.port = port;
        this.process = process;
        this.hostKeyTypes = hostKeyTypes;
        this.files = files;
    }

    static TargetServer start() {
        return start(List.of());
    }

    /** @param extraConfig sshd_config lines that go before the defaults (sshd takes the first value it reads) */
    static TargetServer start(List<String> extraConfig) {
        return start(STOCK_HOST_KEYS, extraConfig);
    }

    /**
     * An sshd that admits root by key as well ({@code PermitRootLogin prohibit-password}, {@link #authorize(String)}):
     * a privileged-tier server's account is root, and its sessions are the login's.
     */
    static TargetServer admittingRoot() {
        TargetServer server = start(List.of("PermitRootLogin prohibit-password"));
        try {
            server.authorize("root");
        } catch (AssertionError e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** An sshd holding host keys of these types only ({@code ssh-keygen -t} names). */
    static TargetServer withHostKeys(String... types) {
        return start(List.of(types), List.of());
    }

    private static Path keys(List<String> hostKeyTypes) throws IOException {
        Path dir = Files.createTempDirectory("sg-sshd");
        for (String type : hostKeyTypes) {
            Processes.check(List.of("ssh-keygen", "-q", "-t", type, "-N", "", "-f", dir.resolve("host_" + type).toString()));
        }
        Processes.check(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "shellguard-test",
                "-f", dir.resolve("client_key").toString()));
        return dir;
    }

    /** The configuration both kinds of target share, after the lines a test puts first. */
    private static List<String> config(List<String> extraConfig, int port, List<String> hostKeyFiles, String authorizedKeys,
            String pidFile) {
        List<String> lines = new java.util.ArrayList<>(extraConfig);
        hostKeyFiles.forEach(file -> lines.add("HostKey " + file));
        lines.addAll(List.of(
                "Port " + port,
                "ListenAddress 127.0.0.1",
                "PidFile " + pidFile,
                "AuthorizedKeysFile " + authorizedKeys,
                "StrictModes no",
                "UsePAM no",
                "PasswordAuthentication yes",
                "ChallengeResponseAuthentication no",
                "PermitRootLogin no",
                "AcceptEnv LANG LC_*",
                "Subsystem sftp internal-sftp",
                "LogLevel ERROR",
                ""));
        return lines;
    }

    /**
     * An sshd of another system: the root file system {@code root} (scripts/target/roots/debian-root.sh makes and
     * caches one), run by scripts/target/roots/sshd-in-root.sh chrooted in its own mount and PID namespaces on a
     * loopback port of this machine, over an overlay that keeps the root unchanged. {@code setup} runs in it as root
     * before sshd starts (its accounts: useradd); {@code logins} accept {@link #clientKey()}; {@code programs} are
     * copied in (path in the target to a file here), executable by all. Files the sessions write are read through
     * {@link #file(String)}.
     */
    static TargetServer inRoot(Path root, List<String> extraConfig, String setup, List<String> logins,
            java.util.Map<String, Path> programs) {
        try {
            Path dir = keys(STOCK_HOST_KEYS);
            Path state = dir.resolve("state");
            Path ssh = Files.createDirectories(state.resolve("files/etc/ssh/sg_keys"));
            List<String> hostKeyFiles = new java.util.ArrayList<>();
            for (String type : STOCK_HOST_KEYS) {
                Files.copy(dir.resolve("host_" + type), ssh.resolveSibling("sg_host_" + type));
                Files.setPosixFilePermissions(ssh.resolveSibling("sg_host_" + type), PosixFilePermissions.fromString("rw-------"));
                hostKeyFiles.add("/etc/ssh/sg_host_" + type);
            }
            for (String login : logins) {
                Files.copy(dir.resolve("client_key.pub"), ssh.resolve(login));
                Files.setPosixFilePermissions(ssh.resolve(login), PosixFilePermissions.fromString("rw-r--r--"));
            }
            int port = Processes.freePort();
            Files.writeString(ssh.resolveSibling("sg_sshd_config"), String.join("\n",
                    config(extraConfig, port, hostKeyFiles, "/etc/ssh/sg_keys/%u", "/run/sg_sshd.pid")));
            Files.writeString(state.resolve("files/sg-setup.sh"), setup);
            for (var program : programs.entrySet()) {
                Path in = state.resolve("files").resolve(program.getKey().replaceFirst("^/+", ""));
                Files.createDirectories(in.getParent());
                Files.copy(program.getValue(), in);
                Files.setPosixFilePermissions(in, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            Process process = new ProcessBuilder(GatewayNode.projectRoot().resolve("scripts/target/roots/sshd-in-root.sh").toString(),
                    root.toString(), state.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("sshd.log").toFile()).start();
            TargetServer server = new TargetServer(dir, port, process, STOCK_HOST_KEYS, state.resolve("upper"));
            server.awaitListening();
            return server;
        } catch (IOException e) {
            throw new AssertionError("cannot start the sshd in " + root, e);
        }
    }

    private static TargetServer start(List<String> hostKeyTypes, List<String> extraConfig) {
        try {
            Path dir = keys(hostKeyTypes);
            Path keys = Files.createDirectories(dir.resolve("authorized_keys"));
            for (String login : List.of(LOGIN, ZSH_LOGIN, DASH_LOGIN)) {
                Files.copy(dir.resolve("client_key.pub"), keys.resolve(login));
                Files.setPosixFilePermissions(keys.resolve(login), PosixFilePermissions.fromString("rw-r--r--"));
            }
            // sshd reads authorized keys as the target account, which must be able to reach them
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.createDirectories(Path.of("/run/sshd"));
            int port = Processes.freePort();
            Path config = dir.resolve("sshd_config");
            Files.writeString(config, String.join("\n", config(extraConfig, port,
                    hostKeyTypes.stream().map(type -> dir.resolve("host_" + type).toString()).toList(), keys + "/%u",
                    dir.resolve("sshd.pid").toString())));
            Process process = new ProcessBuilder("/usr/sbin/sshd", "-D", "-e", "-f", config.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("sshd.log").toFile()).start();
            TargetServer server = new TargetServer(dir, port, process, hostKeyTypes, Path.of("/"));
            server.awaitListening();
            return server;
        } catch (IOException e) {
            throw new AssertionError("cannot start sshd", e);
        }
    }

    private void awaitListening() throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("sshd exited: " + Files.readString(dir.resolve("sshd.log")));
            }
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Processes.sleep(Duration.ofMillis(100));
            }
        }
        throw new AssertionError("sshd did not listen on " + port);
    }

    int port() {
        return port;
    }

    /** The sshd's ed25519 host key (its first, when it has none) as OpenSSH prints it, without comment: {@code ssh-ed25519 AAAA...}. */
    String hostKey() {
        return hostKey(hostKeyTypes.contains("ed25519") ? "ed25519" : hostKeyTypes.get(0));
    }

    /** The host key of this type ({@code ssh-keygen -t} name), without comment. */
    String hostKey(String type) {
        try {
            String[] parts = Files.readString(dir.resolve("host_" + type + ".pub")).trim().split("\\s+");
            return parts[0] + " " + parts[1];
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Every host key of the sshd, without comments. */
    java.util.Set<String> hostKeys() {
        return hostKeyTypes.stream().map(this::hostKey).collect(java.util.stream.Collectors.toSet());
    }

    /** The key's SHA-256 fingerprint as {@code ssh-keygen -l} prints it. */
    String fingerprint(String key) {
        return Processes.run(List.of("ssh-keygen", "-l", "-f", "-"), key + "\n", Duration.ofSeconds(10)).stdout().split("\\s+")[1];
    }

    /** What {@code ssh-keyscan -t TYPE} prints for this sshd: the lines an admin pastes. */
    String keyscan(String type) {
        return Processes.check(List.of("ssh-keyscan", "-t", type, "-p", String.valueOf(port), "127.0.0.1")).stdout();
    }

    /** The private key (OpenSSH format) the target account accepts; the gateway stores it as the account credential. */
    String clientKey() {
        try {
            return Files.readString(dir.resolve("client_key"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Lets {@code login} in with {@link #clientKey()} too (root needs {@code PermitRootLogin prohibit-password}). */
    void authorize(String login) {
        try {
            Path keys = dir.resolve("authorized_keys").resolve(login);
            Files.copy(dir.resolve("client_key.pub"), keys, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Lets {@code login} in with one more public key ({@code authorized_keys} line), beside {@link #clientKey()}. */
    void authorize(String login, String publicKey) {
        try {
            Files.writeString(dir.resolve("authorized_keys").resolve(login), publicKey.trim() + "\n", java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * A file the target's sessions wrote, as seen from here: the path itself on this machine; in a root, where the
     * overlay keeps what the sessions write (a file the root already had and no session changed is not there).
     */
    Path file(String pathInTarget) {
        return files.resolve(pathInTarget.replaceFirst("^/+", ""));
    }

    /** What the target's sshd printed (its log), for a failure's message. */
    String log() {
        try {
            return Files.readString(dir.resolve("sshd.log"));
        } catch (IOException e) {
            return "(no sshd log: " + e + ")";
        }
    }

    Path clientKeyFile() {
        return dir.resolve("client_key");
    }

    @Override
    public void close() {
        if (files.equals(Path.of("/"))) {
            process.destroy();
        } else {
            // unshare ignores SIGTERM while it waits for the namespace's sshd; SIGKILL takes the whole namespace with it
            process.destroyForcibly();
        }
        try {
            process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

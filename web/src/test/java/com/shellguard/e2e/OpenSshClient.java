package com.shellguard.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The stock OpenSSH clients ({@code ssh}, {@code scp}, {@code sftp}) pointed at the gateway, logging in
 * with a key or with a password typed through SSH_ASKPASS (as a person would type it at the prompt).
 */
final class OpenSshClient {

    private final int port;
    private final Path knownHosts;
    private final List<String> authOptions;
    private final Path askPass;

    private OpenSshClient(int port, List<String> authOptions, Path askPass) {
        this.port = port;
        this.authOptions = authOptions;
        this.askPass = askPass;
        try {
            this.knownHosts = Files.createTempFile("sg-known-hosts", "");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static OpenSshClient withKey(int port, Path privateKey) {
        return new OpenSshClient(port, List.of("-i", privateKey.toString(), "-o", "IdentitiesOnly=yes",
                "-o", "BatchMode=yes", "-o", "PreferredAuthentications=publickey"), null);
    }

    static OpenSshClient withPassword(int port, String password) {
        try {
            Path script = Files.createTempFile("sg-askpass", ".sh",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Files.writeString(script, "#!/bin/sh\nprintf '%s\\n' " + shellQuote(password) + "\n");
            return new OpenSshClient(port, List.of("-o", "PreferredAuthentications=password",
                    "-o", "PubkeyAuthentication=no", "-o", "NumberOfPasswordPrompts=1"), script);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The same client connecting from another loopback address, for what the gateway counts per source address. */
    OpenSshClient from(String sourceAddress) {
        return withOptions("-o", "BindAddress=" + sourceAddress);
    }

    /** The same client with more command-line options (keep-alives, a control socket, ...). */
    OpenSshClient withOptions(String... options) {
        List<String> all = new ArrayList<>(authOptions);
        all.addAll(List.of(options));
        return new OpenSshClient(port, all, askPass);
    }

    private List<String> common(String portFlag) {
        List<String> args = new ArrayList<>(List.of(portFlag, String.valueOf(port),
                "-o", "StrictHostKeyChecking=accept-new", "-o", "UserKnownHostsFile=" + knownHosts,
                "-o", "ConnectTimeout=20"));
        args.addAll(authOptions);
        return args;
    }

    /** {@code ssh [-t] -p PORT USER@127.0.0.1 [command]} as a command line. */
    List<String> sshCommand(String user, boolean terminal, String remoteCommand) {
        List<String> cmd = new ArrayList<>(List.of("ssh"));
        cmd.addAll(common("-p"));
        if (terminal) {
            cmd.add("-tt");
        }
        cmd.add(user + "@127.0.0.1");
        if (remoteCommand != null) {
            cmd.add(remoteCommand);
        }
        return cmd;
    }

    /** The ssh command without a destination, as rsync's -e takes it. */
    String rshCommand() {
        List<String> cmd = new ArrayList<>(List.of("ssh"));
        cmd.addAll(common("-p"));
        return String.join(" ", cmd);
    }

    Processes.Result ssh(String user, String remoteCommand) {
        return ssh(user, remoteCommand, null);
    }

    Processes.Result ssh(String user, String remoteCommand, String stdin) {
        return run(sshCommand(user, false, remoteCommand), stdin);
    }

    Processes.Result scp(String... pathsAndDestinations) {
        List<String> cmd = new ArrayList<>(List.of("scp", "-q"));
        cmd.addAll(common("-P"));
        cmd.addAll(List.of(pathsAndDestinations));
        return run(cmd, null);
    }

    Processes.Result sftp(String user, String batch) {
        List<String> cmd = new ArrayList<>(List.of("sftp", "-q"));
        cmd.addAll(common("-P"));
        cmd.addAll(List.of("-b", "-", user + "@127.0.0.1"));
        return run(cmd, batch);
    }

    private Processes.Result run(List<String> cmd, String stdin) {
        ProcessBuilder builder = new ProcessBuilder(cmd);
        environment(builder);
        return Processes.run(builder, stdin, Duration.ofSeconds(90));
    }

    /** Sets what the client needs in its environment (the password helper), for callers that start ssh themselves. */
    void environment(ProcessBuilder builder) {
        if (askPass != null) {
            builder.environment().put("SSH_ASKPASS", askPass.toString());
            builder.environment().put("SSH_ASKPASS_REQUIRE", "force");
        }
    }

    List<String> askPassEnvironment() {
        return askPass == null ? List.of() : List.of("SSH_ASKPASS=" + askPass, "SSH_ASKPASS_REQUIRE=force");
    }

    /**
     * The README's {@code ~/.ssh/config} block ({@code Host / HostName / Port / User}) for one server behind the
     * gateway, with what a test needs besides (the person's key, no prompts, a fresh {@code known_hosts}).
     */
    static Path configBlock(int gatewayPort, Path key, String host, String hostName, String user) {
        try {
            Path file = Files.createTempFile("sg-ssh-config", "");
            Files.writeString(file, String.join("\n",
                    "Host " + host,
                    "    HostName " + hostName,
                    "    Port " + gatewayPort,
                    "    User " + user,
                    "    IdentityFile " + key,
                    "    IdentitiesOnly yes",
                    "    BatchMode yes",
                    "    StrictHostKeyChecking accept-new",
                    "    UserKnownHostsFile " + Files.createTempFile("sg-known", ""),
                    ""));
            return file;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static String shellQuote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}

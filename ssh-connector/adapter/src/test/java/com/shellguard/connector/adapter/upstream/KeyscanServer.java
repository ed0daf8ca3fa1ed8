package com.shellguard.connector.adapter.upstream;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A real OpenSSH sshd on 127.0.0.1 with host keys of the given types (made by ssh-keygen), for key exchanges only. */
final class KeyscanServer implements AutoCloseable {

    private final Path dir;
    private final int port;
    private final Process process;

    private KeyscanServer(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    static KeyscanServer start(String... keyTypes) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("sg-keyscan");
        List<String> config = new ArrayList<>();
        for (String type : keyTypes) {
            run("ssh-keygen", "-q", "-t", type, "-N", "", "-f", dir.resolve("host_" + type).toString());
            config.add("HostKey " + dir.resolve("host_" + type));
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        config.addAll(List.of("Port " + port, "ListenAddress 127.0.0.1", "PidFile " + dir.resolve("sshd.pid"), "UsePAM no",
                "LogLevel ERROR", ""));
        Files.writeString(dir.resolve("sshd_config"), String.join("\n", config));
        Files.createDirectories(Path.of("/run/sshd"));
        Process process = new ProcessBuilder("/usr/sbin/sshd", "-D", "-e", "-f", dir.resolve("sshd_config").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("sshd.log").toFile()).start();
        for (int i = 0; i < 150; i++) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return new KeyscanServer(dir, port, process);
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    throw new IOException("sshd exited: " + Files.readString(dir.resolve("sshd.log")));
                }
                Thread.sleep(100);
            }
        }
        throw new IOException("sshd did not listen on " + port);
    }

    int port() {
        return port;
    }

    /** The host key of this type as OpenSSH prints it, without comment: {@code type base64}. */
    String hostKey(String keyType) throws IOException {
        String[] parts = Files.readString(dir.resolve("host_" + keyType + ".pub")).trim().split("\\s+");
        return parts[0] + " " + parts[1];
    }

    static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
    }

    @Override
    public void close() {
        process.destroy();
    }
}

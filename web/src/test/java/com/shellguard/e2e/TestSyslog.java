package com.shellguard.e2e;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Debian's rsyslogd as a SIEM's receiver, run by the test with its own configuration, pid file and work directory
 * (never the system service): one TCP input (octet-counted framing, RFC 6587) and one TLS input (RFC 5425, gnutls,
 * a certificate for 127.0.0.1 from a CA the test makes), each writing the messages it receives as they came, one a
 * line, to its own file.
 */
final class TestSyslog implements AutoCloseable {

    private final Path dir;
    final int tcpPort = Processes.freePort();
    final int tlsPort = Processes.freePort();
    private Process process;

    private TestSyslog(Path dir) {
        this.dir = dir;
    }

    static TestSyslog start() {
        try {
            TestSyslog syslog = new TestSyslog(Files.createTempDirectory("sg-rsyslog"));
            TestCa.make(syslog.dir, "ShellGuard test syslog CA");
            syslog.writeConfig();
            syslog.run();
            return syslog;
        } catch (IOException e) {
            throw new AssertionError("cannot start rsyslogd", e);
        }
    }

    private void writeConfig() throws IOException {
        Files.createDirectories(dir.resolve("work"));
        Files.writeString(dir.resolve("rsyslog.conf"), String.join("\n",
                "global(workDirectory=\"" + dir.resolve("work") + "\""
                        + " defaultNetstreamDriverCAFile=\"" + dir.resolve("ca.pem") + "\""
                        + " defaultNetstreamDriverCertFile=\"" + dir.resolve("server.pem") + "\""
                        + " defaultNetstreamDriverKeyFile=\"" + dir.resolve("server.key") + "\")",
                "module(load=\"imtcp\")",
                "template(name=\"asReceived\" type=\"string\" string=\"%rawmsg%\\n\")",
                "ruleset(name=\"tcp\") { action(type=\"omfile\" file=\"" + tcpFile() + "\" template=\"asReceived\") }",
                "ruleset(name=\"tls\") { action(type=\"omfile\" file=\"" + tlsFile() + "\" template=\"asReceived\") }",
                "input(type=\"imtcp\" address=\"127.0.0.1\" port=\"" + tcpPort + "\" ruleset=\"tcp\")",
                "input(type=\"imtcp\" address=\"127.0.0.1\" port=\"" + tlsPort + "\" ruleset=\"tls\""
                        + " streamDriver.name=\"gtls\" streamDriver.mode=\"1\" streamDriver.authMode=\"anon\")",
                ""));
    }

    private void run() throws IOException {
        process = new ProcessBuilder("/usr/sbin/rsyslogd", "-n", "-f", dir.resolve("rsyslog.conf").toString(),
                "-i", dir.resolve("rsyslogd.pid").toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("rsyslogd.log").toFile()))
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("rsyslogd exited: " + Files.readString(dir.resolve("rsyslogd.log")));
            }
            if (listening(tcpPort) && listening(tlsPort)) {
                return;
            }
            Processes.sleep(Duration.ofMillis(200));
        }
        throw new AssertionError("rsyslogd did not listen within 20 s: " + Files.readString(dir.resolve("rsyslogd.log")));
    }

    private static boolean listening(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    String caPem() {
        try {
            return Files.readString(dir.resolve("ca.pem"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    Path tcpFile() {
        return dir.resolve("tcp.log");
    }

    Path tlsFile() {
        return dir.resolve("tls.log");
    }

    /** The lines rsyslogd wrote so far to {@code file}. */
    static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        if (process != null) {
            Processes.stop(process, Duration.ofSeconds(10));
        }
    }
}

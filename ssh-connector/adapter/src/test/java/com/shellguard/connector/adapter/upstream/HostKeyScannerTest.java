package com.shellguard.connector.adapter.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HostKeyScannerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Test
    void aServerWithKeysOfThreeTypesProvesEachOfThem() throws Exception {
        try (KeyscanServer sshd = KeyscanServer.start("rsa", "ecdsa", "ed25519");
             HostKeyScanner scanner = HostKeyScanner.standalone(TIMEOUT)) {
            HostKeyScan scan = scanner.scan("127.0.0.1", sshd.port());
            assertEquals(Set.of(sshd.hostKey("rsa"), sshd.hostKey("ecdsa"), sshd.hostKey("ed25519")), Set.copyOf(scan.hostKeys()));
            assertEquals(3, scan.hostKeys().size(), scan.hostKeys().toString());
            assertTrue(scan.serverVersion().startsWith("SSH-2.0-OpenSSH"), scan.serverVersion());
        }
    }

    @Test
    void aServerWithOnlyAnEcdsaKeyProvesThatOne() throws Exception {
        try (KeyscanServer sshd = KeyscanServer.start("ecdsa");
             HostKeyScanner scanner = HostKeyScanner.standalone(TIMEOUT)) {
            assertEquals(List.of(sshd.hostKey("ecdsa")), scanner.scan("127.0.0.1", sshd.port()).hostKeys());
        }
    }

    @Test
    void aClosedPortIsUnreachable() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (HostKeyScanner scanner = HostKeyScanner.standalone(TIMEOUT)) {
            UpstreamException e = assertThrows(UpstreamException.class, () -> scanner.scan("127.0.0.1", port));
            assertTrue(e.getMessage().contains("is unreachable: connection refused"), e.getMessage());
        }
    }
}

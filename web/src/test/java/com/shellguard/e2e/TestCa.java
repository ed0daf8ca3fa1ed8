package com.shellguard.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A certificate authority a test makes with openssl, and a server certificate from it for 127.0.0.1 (and
 * localhost): {@code ca.pem}, {@code ca.key}, {@code server.pem} and {@code server.key} in a directory.
 */
final class TestCa {

    private TestCa() {
    }

    static void make(Path dir, String caName) {
        openssl(dir.resolve("ca.key"), "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", dir.resolve("ca.key").toString(), "-out", dir.resolve("ca.pem").toString(), "-days", "2",
                "-subj", "/CN=" + caName);
        Path request = dir.resolve("server.csr");
        Path key = dir.resolve("server.key");
        Path certificate = dir.resolve("server.pem");
        openssl(key, "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", key.toString(),
                "-out", request.toString(), "-subj", "/CN=127.0.0.1");
        try {
            Path extensions = Files.writeString(dir.resolve("server.ext"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
            openssl(certificate, "x509", "-req", "-in", request.toString(), "-CA", dir.resolve("ca.pem").toString(),
                    "-CAkey", dir.resolve("ca.key").toString(), "-CAcreateserial", "-out", certificate.toString(), "-days", "2",
                    "-extfile", extensions.toString());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static void openssl(Path made, String... arguments) {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(arguments));
        Processes.check(command);
        if (!Files.exists(made)) {
            throw new AssertionError("openssl made no " + made);
        }
    }
}

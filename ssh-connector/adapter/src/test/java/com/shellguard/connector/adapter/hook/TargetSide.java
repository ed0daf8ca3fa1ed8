package com.shellguard.connector.adapter.hook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The target side as the build packaged it (target/classes/shellguard, from scripts/target), and a session
 * directory made of it as the installer makes one (PROTOCOL.md, "Files on the target").
 */
final class TargetSide {

    static final Path HOOK = Path.of("target/classes/shellguard/hook");
    static final Path LIBRARIES = Path.of("target/classes/shellguard/guard");
    static final String KEY = "testkey0123456789abcdefghijklmnopqrstuvwxyzABCDEF";

    private TargetSide() {
    }

    /** The packaged library (guard or lane) for this machine's architecture. */
    static Path library(String kind) {
        String arch = System.getProperty("os.arch").equals("amd64") ? "x86_64" : System.getProperty("os.arch");
        return LIBRARIES.resolve("shellguard-" + kind + "-" + arch + ".so");
    }

    /**
     * Puts the packaged library (guard or lane) into the session as the installer does ({@code guard.so},
     * {@code lane.so}); the test is skipped, with why, where the build could not make it.
     */
    static Path install(Path session, String kind, String whyMissing) {
        Path library = library(kind);
        Assumptions.assumeTrue(Files.exists(library), whyMissing);
        try {
            return Files.copy(library, session.resolve(kind + ".so"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean installed(String program) {
        return Stream.of(System.getenv("PATH").split(":")).anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }

    /** A private session directory with the packaged hook files, the forward's port and the key; home/ and work/ in it. */
    static Path session(Path parent, int port) {
        try {
            Path dir = Files.createDirectory(parent.resolve("session"),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            try (Stream<Path> files = Files.walk(HOOK)) {
                for (Path file : files.toList()) {
                    Path copy = dir.resolve(HOOK.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(copy);
                    } else {
                        Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            Files.writeString(dir.resolve("session"), "port=" + port + "\nkey=" + KEY + "\n");
            Files.createDirectory(dir.resolve("home"));
            Files.createDirectory(dir.resolve("work"));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a program with only the environment given (and PATH), in cwd; its standard output. */
    static String run(Path cwd, Map<String, String> env, List<String> command) {
        ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().clear();
        pb.environment().put("PATH", "/usr/local/bin:/usr/bin:/bin");
        pb.environment().putAll(env);
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(command + " did not finish");
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

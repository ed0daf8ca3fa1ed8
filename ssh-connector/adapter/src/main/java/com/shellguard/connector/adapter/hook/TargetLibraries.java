package com.shellguard.connector.adapter.hook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One of the native parts the gateway uploads into a session's directory, as the build packaged them
 * (scripts/target/build.sh, compiled with gcc into the adapter jar), one per architecture, keyed by the name
 * {@code uname -m} prints on the target (with {@code -musl} after it for the exec guard of musl targets): the exec guard ({@link #GUARD}), the bash hook's lane
 * ({@link #LANE}), both libraries, and the supervisor ({@link #SUPERVISOR}), a program. An architecture the
 * build machine had no compiler (or, for the lane, no bash headers) for is simply absent: sessions on such
 * servers go without that part.
 */
final class TargetLibraries {

    static final String GUARD = "shellguard-guard";
    static final String LANE = "shellguard-lane";
    static final String SUPERVISOR = "shellguard-supervisor";
    /**
     * The installer's keys: {@code uname -m}, and the same with {@code -musl} for targets whose programs are linked
     * against musl (Alpine), which only the exec guard is built for (the lane is built against glibc's bash, the
     * supervisor is static and runs on both).
     */
    private static final List<String> ARCHITECTURES = List.of("x86_64", "aarch64", "x86_64-musl", "aarch64-musl");

    private final Map<String, byte[]> libraries;

    private TargetLibraries(Map<String, byte[]> libraries) {
        this.libraries = libraries;
    }

    static TargetLibraries load(String name) {
        Map<String, byte[]> found = new LinkedHashMap<>();
        for (String arch : ARCHITECTURES) {
            String file = name + "-" + arch + (name.equals(SUPERVISOR) ? "" : ".so");
            try (InputStream in = TargetLibraries.class.getResourceAsStream("/shellguard/guard/" + file)) {
                if (in != null) {
                    found.put(arch, in.readAllBytes());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + name + " for " + arch + " from the connector", e);
            }
        }
        return new TargetLibraries(Map.copyOf(found));
    }

    /** Architecture ({@code uname -m}) to library. */
    Map<String, byte[]> byArchitecture() {
        return libraries;
    }
}

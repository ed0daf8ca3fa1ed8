package com.shellguard.connector.adapter.hook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The exec guard's preload libraries as the build packaged them (scripts/guard, compiled with gcc into the
 * adapter jar), one per architecture, keyed by the name {@code uname -m} prints on the target. An
 * architecture the build machine had no compiler for is simply absent: sessions on such servers fall back
 * to the shell hook alone, with an alert.
 */
final class ExecGuardLibraries {

    private static final String BASE = "/shellguard/guard/shellguard-guard-";
    private static final List<String> ARCHITECTURES = List.of("x86_64", "aarch64");

    private final Map<String, byte[]> libraries;

    private ExecGuardLibraries(Map<String, byte[]> libraries) {
        this.libraries = libraries;
    }

    static ExecGuardLibraries load() {
        Map<String, byte[]> found = new LinkedHashMap<>();
        for (String arch : ARCHITECTURES) {
            try (InputStream in = ExecGuardLibraries.class.getResourceAsStream(BASE + arch + ".so")) {
                if (in != null) {
                    found.put(arch, in.readAllBytes());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the exec guard for " + arch + " from the connector", e);
            }
        }
        return new ExecGuardLibraries(Map.copyOf(found));
    }

    /** Architecture ({@code uname -m}) to library. */
    Map<String, byte[]> byArchitecture() {
        return libraries;
    }
}

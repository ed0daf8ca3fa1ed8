package com.shellguard.connector.adapter.hook;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Asks a session's installer to hash the login's startup and key files before it writes anything (one round trip
 * for both): {@code hashes} is given the state of every file of {@code files}, by path, as soon as the installer's
 * output is in, whether the hook then installs or not; it is not called when the installer could not report them
 * all (no {@code sha256sum} on the target, an installer that did not run), and the caller reads them another way.
 *
 * @param files  paths relative to the login's home
 * @param hashes takes each file's SHA-256 in hex, {@code absent} or {@code unreadable: REASON}
 */
public record StartupFileWitness(List<String> files, Consumer<Map<String, String>> hashes) {

    public StartupFileWitness {
        files = List.copyOf(files);
    }
}

package com.shellguard.connector.api;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * The state of a target login's startup and key files as a session found it before anything of the gateway's ran
 * there: for each file (a path relative to the login's home) the SHA-256 of its content in hex, or
 * {@link #ABSENT}. {@code failure} is set, and {@code files} empty, when they could not be read at all.
 */
public record StartupFileReport(String sessionId, String server, String login, Map<String, String> files, String failure)
        implements Serializable {

    /** The state of a file that does not exist: a state like any other, so creating one is a change. */
    public static final String ABSENT = "absent";

    public StartupFileReport {
        files = files == null ? Map.of() : new TreeMap<>(files);
    }
}

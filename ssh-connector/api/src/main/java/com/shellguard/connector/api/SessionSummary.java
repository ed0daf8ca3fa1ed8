package com.shellguard.connector.api;

import java.io.Serializable;

/**
 * How a session ended. {@code exitStatus} is null when the target sent none; {@code failure} is null for a
 * session that ran and closed normally, else the one-line reason the user was shown. {@code endMicros} is when it
 * ended (microseconds since the epoch), so an end written late (the database was away) keeps its real time.
 */
public record SessionSummary(String sessionId, long bytesFromClient, long bytesToClient, Integer exitStatus,
                             String failure, long endMicros) implements Serializable {

    /** A session that ends now. */
    public SessionSummary(String sessionId, long bytesFromClient, long bytesToClient, Integer exitStatus, String failure) {
        this(sessionId, bytesFromClient, bytesToClient, exitStatus, failure, nowMicros());
    }

    private static long nowMicros() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
    }
}

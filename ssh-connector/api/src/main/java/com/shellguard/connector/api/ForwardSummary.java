package com.shellguard.connector.api;

import java.io.Serializable;
import java.time.Instant;

/**
 * One forwarded connection, or one refused attempt, for the audit. {@code destination} is where a local (or
 * dynamic) forward's connection went, {@code HOST:PORT} as the client named it; for a remote forward, the address
 * the target listens on (and {@code originator} who connected to it there). {@code sessionId} is the session of the
 * connection's forwarding (null when none could be opened), {@code bytesToTarget}/{@code bytesFromTarget} the
 * bytes each way, {@code outcome} how it ended, {@code message} why it was refused or failed.
 */
public record ForwardSummary(String sessionId, String user, String server, String login, ForwardKind kind,
                             String destination, String originator, Instant started, long durationMillis,
                             long bytesToTarget, long bytesFromTarget, Outcome outcome, String message,
                             String clientAddress, String gatewayNode) implements Serializable {

    public enum Outcome {
        /** It ran and closed. */
        CLOSED,
        /** Policy or the syntax of the login refused it; nothing was opened. */
        REFUSED,
        /** The target (its sshd's policy, or nothing listening) or the connection failed. */
        FAILED
    }
}

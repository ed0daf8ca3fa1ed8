package com.shellguard.connector.api;

import java.io.Serializable;

/**
 * How a session ended. {@code exitStatus} is null when the target sent none; {@code failure} is null for a
 * session that ran and closed normally, else the one-line reason the user was shown.
 */
public record SessionSummary(String sessionId, long bytesFromClient, long bytesToClient, Integer exitStatus,
                             String failure) implements Serializable {
}

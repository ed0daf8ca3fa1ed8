package com.shellguard.connector.api;

import java.io.Serializable;

/**
 * A running session the application wants ended, and the line its user is shown ({@code reason}); a null reason
 * is an administrator's termination, shown as such.
 */
public record Termination(String sessionId, String reason) implements Serializable {
}

package com.shellguard.connector.api;

import java.io.Serializable;

/**
 * Whether a session's commands were under the hook: {@code ARMED} (injected and reporting),
 * {@code UNAVAILABLE} (it could not be installed; {@code detail} says why), {@code NOT_APPLICABLE}
 * (file transfers, which run no shell).
 */
public record HookStatus(String sessionId, State state, String shell, String detail) implements Serializable {

    public enum State { ARMED, UNAVAILABLE, NOT_APPLICABLE }
}

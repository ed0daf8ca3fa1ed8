package com.shellguard.connector.api;

import java.io.Serializable;
import java.util.List;

/**
 * Whether a session's commands were under the hook: {@code ARMED} (injected and reporting),
 * {@code UNAVAILABLE} (it could not be installed; {@code detail} says why), {@code NOT_APPLICABLE}
 * (file transfers, which run no shell). {@code tier} is whose account the session's command control ran as:
 * {@code same-account} (the login's own) or {@code privileged} (a root supervisor), null when nothing was
 * installed; {@code layers} the parts that armed, in order: {@code hook}, {@code lane}, {@code guard},
 * {@code supervisor}.
 */
public record HookStatus(String sessionId, State state, String shell, String detail, String tier, List<String> layers)
        implements Serializable {

    public enum State { ARMED, UNAVAILABLE, NOT_APPLICABLE }

    public HookStatus {
        layers = layers == null ? List.of() : List.copyOf(layers);
    }

    /** A status without command control in place: no tier, no layers. */
    public HookStatus(String sessionId, State state, String shell, String detail) {
        this(sessionId, state, shell, detail, null, List.of());
    }
}

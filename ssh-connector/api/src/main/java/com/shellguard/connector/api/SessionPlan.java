package com.shellguard.connector.api;

import java.io.Serializable;

/**
 * The answer to a {@link SessionRequest}: either a refusal with the one line the user is shown, or
 * where to connect, how, and how the session's commands are controlled. The plan is used once and never
 * stored by the connector.
 */
public record SessionPlan(boolean allowed, String refusal, String server, String host, int port, String login,
                          UpstreamCredential credential, CommandControl control) implements Serializable {

    public static SessionPlan refuse(String message) {
        return new SessionPlan(false, message, null, null, 0, null, null, CommandControl.OFF);
    }

    public static SessionPlan allow(String server, String host, int port, String login, UpstreamCredential credential,
                                    CommandControl control) {
        return new SessionPlan(true, null, server, host, port, login, credential, control);
    }
}

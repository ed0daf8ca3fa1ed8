package com.shellguard.connector.api;

import java.io.Serializable;
import java.util.List;

/**
 * The answer to a {@link SessionRequest}: either a refusal with the one line the user is shown, or
 * where to connect, how, and how the session's commands are controlled. The plan is used once and never
 * stored by the connector.
 *
 * @param hostKeys the server's pinned host keys in OpenSSH form: the connection negotiates only their types; none
 *                 means first contact, when the connector learns every key the server proves and asks to pin them
 * @param forwarding the port forwarding the user's grants allow as this login on this server
 */
public record SessionPlan(boolean allowed, String refusal, String server, String host, int port, List<String> hostKeys,
                          String login, UpstreamCredential credential, CommandControl control,
                          ForwardingPolicy forwarding) implements Serializable {

    public SessionPlan {
        hostKeys = hostKeys == null ? List.of() : List.copyOf(hostKeys);
        forwarding = forwarding == null ? ForwardingPolicy.NONE : forwarding;
    }

    public static SessionPlan refuse(String message) {
        return new SessionPlan(false, message, null, null, 0, List.of(), null, null, CommandControl.OFF, ForwardingPolicy.NONE);
    }

    public static SessionPlan allow(String server, String host, int port, List<String> hostKeys, String login,
                                    UpstreamCredential credential, CommandControl control, ForwardingPolicy forwarding) {
        return new SessionPlan(true, null, server, host, port, hostKeys, login, credential, control, forwarding);
    }
}

package com.shellguard.connector.api;

import java.io.Serializable;
import java.util.List;

/**
 * The answer to a {@link SessionRequest}: either a refusal with the one line the user is shown, or
 * where to connect, how, and how the session's commands are controlled. The plan is used once and never
 * stored by the connector.
 *
 * @param hostKeys        the server's pinned host keys in OpenSSH form: the connection negotiates only their types;
 *                        none means first contact, when the connector learns every key the server proves and asks
 *                        to pin them
 * @param login           the login the session is for, the one the user works as on the target
 * @param credential      the credential of the account the connection logs in as: {@code login}'s own, or the
 *                        privileged account's
 * @param privilegedLogin null when the connection logs in as {@code login} with its own credential; else the server's
 *                        privileged account (root, or a login with passwordless sudo), which the connection logs in
 *                        as to start {@code login}'s session under a supervisor running as root (the privileged tier)
 * @param forwarding      the port forwarding the user's grants allow as this login on this server
 */
public record SessionPlan(boolean allowed, String refusal, String server, String host, int port, List<String> hostKeys,
                          String login, UpstreamCredential credential, CommandControl control, String privilegedLogin,
                          ForwardingPolicy forwarding)
        implements Serializable {

    public SessionPlan {
        hostKeys = hostKeys == null ? List.of() : List.copyOf(hostKeys);
        forwarding = forwarding == null ? ForwardingPolicy.NONE : forwarding;
    }

    public static SessionPlan refuse(String message) {
        return new SessionPlan(false, message, null, null, 0, List.of(), null, null, CommandControl.OFF, null, ForwardingPolicy.NONE);
    }

    public static SessionPlan allow(String server, String host, int port, List<String> hostKeys, String login,
                                    UpstreamCredential credential, CommandControl control, ForwardingPolicy forwarding) {
        return new SessionPlan(true, null, server, host, port, hostKeys, login, credential, control, null, forwarding);
    }

    /** A session for {@code login} carried by the server's privileged account {@code privilegedLogin}. */
    public static SessionPlan throughPrivileged(String server, String host, int port, List<String> hostKeys, String login,
                                                String privilegedLogin, UpstreamCredential credential,
                                                CommandControl control, ForwardingPolicy forwarding) {
        return new SessionPlan(true, null, server, host, port, hostKeys, login, credential, control, privilegedLogin,
                forwarding);
    }

    /** Whether the session runs in the privileged tier: connected as the privileged account, run as {@code login}. */
    public boolean privileged() {
        return privilegedLogin != null;
    }

    /** The account the upstream connection logs in as. */
    public String connectAs() {
        return privileged() ? privilegedLogin : login;
    }
}

package com.shellguard.connector.adapter.session;

/**
 * How a session ends: the exit status the user's client gets, the one line the user is shown (null for none),
 * and the failure the audit records (null when the session ran and ended normally). Every end the gateway
 * can give is named here, so the wording a user and an auditor see has one source.
 */
record SessionEnd(int exitStatus, String message, String failure) {

    /** What ssh itself exits with when it cannot connect; scripts already treat it as "never ran". */
    static final int GATEWAY_REFUSAL = 255;
    static final String TERMINATED = "session terminated by an administrator";

    /** The application or the gateway said no before anything was opened; the audit has the refusal already. */
    static SessionEnd refused(String message) {
        return new SessionEnd(GATEWAY_REFUSAL, message, null);
    }

    static SessionEnd failed(String message, String failure) {
        return new SessionEnd(GATEWAY_REFUSAL, message, failure);
    }

    /** The user left the menu without choosing: nothing was refused. */
    static SessionEnd leftMenu() {
        return new SessionEnd(0, null, null);
    }

    /** The target's channel ended with this exit status, or with none (then the gateway's refusal status). */
    static SessionEnd exited(Integer status) {
        return new SessionEnd(status == null ? GATEWAY_REFUSAL : status, null, null);
    }

    static SessionEnd withoutExitStatus(String server) {
        return failed("connection to " + server + " ended without an exit status", "target closed without exit status");
    }

    static SessionEnd userLeftWhileOpening() {
        return new SessionEnd(GATEWAY_REFUSAL, null, "the user disconnected before the session opened");
    }

    static SessionEnd terminated() {
        return failed(TERMINATED, "terminated by an administrator");
    }

    /** The grant the session relied on expired; {@code reason} says which and when. */
    static SessionEnd accessEnded(String reason) {
        return failed(reason, reason);
    }

    static SessionEnd endedByPolicy(String rule) {
        return failed("the session was ended by policy \"" + rule + "\"", "ended by policy " + rule);
    }

    /** The session's supervisor went away while it ran: nothing follows its program starts, so it ends. */
    static SessionEnd supervisorLost(String why) {
        return failed("the session's supervisor was lost; the session ends", "supervisor lost: " + why);
    }

    /**
     * A strict server's session whose hook failed the gateway's checks (a forged report, silence, a flood): the
     * command control can no longer be trusted, so the session ends.
     */
    static SessionEnd hookDistrusted(String server, String why) {
        return failed("server " + server + " requires command control, and the session's hook cannot be trusted ("
                + why + "); the session ends", "hook distrusted: " + why);
    }

    /**
     * A strict server (policy requires command control) refuses a session whose command control cannot be put
     * in place; {@code what} says which part and why, {@code failure} is the audit's short form.
     */
    static SessionEnd commandControlMissing(String server, String what, String failure) {
        return failed("server " + server + " requires command control, and " + what, failure);
    }
}

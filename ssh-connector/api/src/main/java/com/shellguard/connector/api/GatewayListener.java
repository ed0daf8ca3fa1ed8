package com.shellguard.connector.api;

import java.util.List;

/**
 * Message-listener interface of the SSH connector. One message-driven bean implements it; the
 * connector calls it for every decision and every audit event of a gateway session.
 */
public interface GatewayListener {

    /** Checks a credential a client offered. Nothing is audited: a public key may only be probed. */
    AuthenticationVerdict authenticate(AuthenticationAttempt attempt);

    /** Reports the end of an authentication: success, a rejected password, or a client that gave up. */
    void authenticationConcluded(AuthenticationOutcome outcome);

    /** The servers and logins a user may choose from, for the interactive menu. */
    List<TargetChoice> listTargets(String user);

    /** Decides whether a session may open and, if so, where it goes and with which credential. */
    SessionPlan openSession(SessionRequest request);

    /** Checks the host key a target server presented against the pinned one (or pins it on first sight). */
    HostKeyVerdict verifyHostKey(HostKeyPresentation presentation);

    /** Reports how a session that {@link #openSession} allowed ended. */
    void sessionEnded(SessionSummary summary);

    /**
     * The gateway node has (re)started its SSH listener. Sessions it had open before cannot still be running:
     * the application closes their audit rows, so none stays "open" for ever after a crash.
     */
    void gatewayStarted(String gatewayNode);
}

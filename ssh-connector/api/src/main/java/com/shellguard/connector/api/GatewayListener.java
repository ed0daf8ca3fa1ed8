package com.shellguard.connector.api;

import java.util.List;

/**
 * Message-listener interface of the SSH connector. One message-driven bean implements it; the
 * connector calls it for every decision and every audit event of a gateway session.
 */
public interface GatewayListener {

    /** Checks a credential a client offered. Nothing is audited: a public key may only be probed. */
    AuthenticationVerdict authenticate(AuthenticationAttempt attempt);

    /**
     * Starts a single sign-on for a person logging in over keyboard-interactive: asks the identity provider for a
     * device code (RFC 8628), for every name alike (what is offered must not tell which names exist). One round trip
     * to the provider.
     */
    DeviceLogin startDeviceLogin(String user, String sourceAddress);

    /**
     * Asks the provider once whether the person signed in with the code {@link #startDeviceLogin} gave; accepted only
     * for the same person, with a token whose signature, issuer, audience and expiry hold. Nothing is audited here:
     * the connector reports the outcome ({@link AuthenticationMethod#SSO}).
     */
    DeviceLogin pollDeviceLogin(String user, String deviceCode, String sourceAddress);

    /** Reports the end of an authentication: success, a rejected password, or a client that gave up. */
    void authenticationConcluded(AuthenticationOutcome outcome);

    /** The servers and logins a user may choose from, for the interactive menu. */
    List<TargetChoice> listTargets(String user);

    /**
     * The servers and logins a user has no grant for but may ask for from the menu (those under a label with
     * approvers); the menu offers them after the granted ones.
     */
    List<TargetChoice> requestableTargets(String user);

    /** Files an access request the person made in the menu; returns the line to show them (its id and state, or why not). */
    String requestAccess(AccessAsk ask);

    /** Decides whether a session may open and, if so, where it goes and with which credential. */
    SessionPlan openSession(SessionRequest request);

    /**
     * Checks host keys a target server proved against its pinned keys; on first contact (none pinned) pins them all.
     * Concurrent first contacts are decided one after the other, so they cannot pin different keys.
     */
    HostKeyVerdict verifyHostKey(HostKeyPresentation presentation);

    /**
     * Compares a login's startup and key files, as a session found them before its hook was installed, with the state
     * an administrator last accepted for that server and login; a first sight pins the state, a change is alerted
     * ({@code STARTUP_FILE_CHANGED}).
     */
    StartupFileVerdict checkStartupFiles(StartupFileReport report);

    /** Reports how a session that {@link #openSession} allowed ended. */
    void sessionEnded(SessionSummary summary);

    /** Reports a forwarded connection that ended, or a forward that was refused or failed, for the audit. */
    void forwardEnded(ForwardSummary summary);

    /**
     * Decides one command a hooked shell asks about ({@link CommandEvent#question()}). The user's shell waits
     * for the answer, so it must come from memory: no database round trip on this path.
     */
    CommandVerdict decideCommand(CommandEvent event);

    /** The filter a session's hooks decide locally with, asked when a hook starts and every few seconds. */
    CommandPolicySnapshot commandPolicy(String sessionId);

    /**
     * Audit records the connector collected (commands, completions, typed lines, alerts), in batches. Every command
     * {@link #decideCommand} decided comes again here, answered, so that a decision need write nothing.
     */
    void recordCommands(CommandRecordBatch batch);

    /**
     * File operations of transfers the gateway terminated (SFTP, legacy scp), one per file opened or tree change,
     * refused ones included; delivered off the transfer's path.
     */
    void recordTransfers(List<FileTransfer> transfers);

    /** Whether the hook was armed in a session, or why not. */
    void hookStatus(HookStatus status);

    /**
     * The sessions running on {@code gatewayNode} that an administrator asked to end, or whose access expired, each
     * with the line its user is shown. Asked a few times a second while the node runs sessions; the requests are kept
     * where every node sees them, so a request made through any node reaches the node that relays the session.
     */
    List<Termination> terminationsRequested(String gatewayNode);

    /**
     * The gateway node has (re)started its SSH listener. Sessions it had open before cannot still be running:
     * the application closes their audit rows, so none stays "open" for ever after a crash.
     */
    void gatewayStarted(String gatewayNode);
}

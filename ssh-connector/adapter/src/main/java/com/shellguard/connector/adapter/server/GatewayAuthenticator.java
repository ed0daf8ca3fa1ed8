package com.shellguard.connector.adapter.server;

import com.shellguard.connector.adapter.runtime.BlockingWork;
import com.shellguard.connector.adapter.runtime.GatewayUnavailableException;
import com.shellguard.connector.adapter.session.PeerAddress;
import com.shellguard.connector.adapter.session.TargetSelector;
import com.shellguard.connector.api.AuthenticationAttempt;
import com.shellguard.connector.api.AuthenticationMethod;
import com.shellguard.connector.api.AuthenticationOutcome;
import com.shellguard.connector.api.AuthenticationVerdict;
import com.shellguard.connector.api.DeviceLogin;
import com.shellguard.connector.api.GatewayListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.server.auth.AsyncAuthException;
import org.apache.sshd.server.auth.keyboard.InteractiveChallenge;
import org.apache.sshd.server.auth.keyboard.KeyboardInteractiveAuthenticator;
import org.apache.sshd.server.auth.password.PasswordAuthenticator;
import org.apache.sshd.server.auth.pubkey.PublickeyAuthenticator;
import org.apache.sshd.server.session.ServerSession;

/**
 * Authenticates the gateway user (the first part of the SSH user name) by asking the application,
 * and reports each real outcome for the audit: an accepted login, a wrong password at once, and a
 * client that gave up after its public keys were refused when it disconnects.
 *
 * <p>A failure also reaches the user as an SSH banner, so the stock client prints why instead of
 * only "Permission denied". The banner says "authentication failed" for unknown users and wrong
 * credentials alike, so the gateway does not tell strangers which user names exist; the audit row
 * keeps the precise reason. A refusal for too many failed logins is named as such: unknown names are locked
 * out alike, so it tells a stranger nothing either.
 *
 * <p>A person with a second factor is asked for it over keyboard-interactive ("Verification code:") once their
 * password or key was accepted ({@link SecondFactorUserAuthService} offers it only then); a wrong code is audited
 * at once, like a wrong password, and what is wrong with it is told, since whoever sees it passed the first factor.
 * A directory that cannot be reached, which no credential could have passed, is told as such.
 */
final class GatewayAuthenticator implements PasswordAuthenticator, PublickeyAuthenticator, KeyboardInteractiveAuthenticator,
        SessionListener {

    static final String PROMPT = "Verification code: ";

    private static final Logger LOG = Logger.getLogger(GatewayAuthenticator.class.getName());

    private final GatewayListener listener;
    private final BlockingWork work;
    private final DeviceSignOn devices;
    private final AdmissionControl admission;

    /**
     * @param devices   single sign-on over keyboard-interactive, or null when no identity provider is configured
     * @param admission whether one more connection of a person fits the node's limit, asked before a login is accepted
     */
    GatewayAuthenticator(GatewayListener listener, BlockingWork work, DeviceSignOn devices, AdmissionControl admission) {
        this.listener = listener;
        this.work = work;
        this.devices = devices;
        this.admission = admission;
    }

    /**
     * A password is checked against a deliberately slow hash, so the check runs as work and MINA is told
     * the answer comes later. Public keys are checked in place: MINA verifies the signature only on the
     * synchronous path, and refuses an asynchronous answer for them (since 2.20: only password and keyboard-interactive
     * may answer later), so the key's lookup is the one application call left on MINA's network threads.
     */
    @Override
    public boolean authenticate(String username, String password, ServerSession session) {
        AsyncAuthException later = new AsyncAuthException();
        try {
            work.submit(() -> later.setAuthed(check(username, AuthenticationMethod.PASSWORD, password, null, session)));
        } catch (RejectedExecutionException busy) {
            return check(username, AuthenticationMethod.PASSWORD, password, null, session);
        }
        throw later;
    }

    @Override
    public boolean authenticate(String username, PublicKey key, ServerSession session) {
        String openSshKey = PublicKeyEntry.toString(key);
        AuthenticationVerdict cached = AuthenticationTrail.of(session).cachedKeyVerdict(openSshKey);
        if (cached != null) {
            return cached.accepted();
        }
        return check(username, AuthenticationMethod.PUBLICKEY, openSshKey, openSshKey, session);
    }

    @Override
    public InteractiveChallenge generateChallenge(ServerSession session, String username, String lang, String subMethods) {
        AuthenticationTrail trail = AuthenticationTrail.of(session);
        if (!trail.awaitsSecondFactor()) {
            return devices == null || !trail.mayStartDeviceLogin() ? null : deviceChallenge(session, username, trail);
        }
        InteractiveChallenge challenge = new InteractiveChallenge();
        challenge.setInteractionName("");
        challenge.setInteractionInstruction("");
        challenge.setLanguageTag("");
        challenge.addPrompt(PROMPT, false);
        return challenge;
    }

    /** The code is checked under a database lock (each code once in a cluster), so as work, like a password. */
    @Override
    public boolean authenticate(ServerSession session, String username, List<String> responses) {
        AuthenticationTrail trail = AuthenticationTrail.of(session);
        DeviceSignOn.Pending device = trail.takeDeviceLogin();
        if (device != null && responses != null && responses.size() == 1 && !responses.get(0).isEmpty()) {
            trail.deviceLoginEnded(); // a password typed at the sign-on prompt: checked as one, the code left to expire
            return authenticate(username, responses.get(0), session);
        }
        if (device != null) {
            AsyncAuthException later = new AsyncAuthException();
            devices.await(session, device, trail.deviceInterval(), outcome -> later.setAuthed(deviceConcluded(session, device, outcome)));
            throw later;
        }
        if (!trail.awaitsSecondFactor() || responses == null || responses.size() != 1) {
            return false;
        }
        String code = responses.get(0);
        AsyncAuthException later = new AsyncAuthException();
        try {
            work.submit(() -> later.setAuthed(check(username, AuthenticationMethod.TOTP, code, null, session)));
        } catch (RejectedExecutionException busy) {
            return check(username, AuthenticationMethod.TOTP, code, null, session);
        }
        throw later;
    }

    /**
     * A first factor over keyboard-interactive: single sign-on, offered to every name alike (the prompt also takes a
     * password, {@link DeviceSignOn}). Offered once per connection; the client then goes on to the password.
     */
    private InteractiveChallenge deviceChallenge(ServerSession session, String sshUserName, AuthenticationTrail trail) {
        String source = PeerAddress.of(session);
        String user;
        try {
            user = TargetSelector.parse(sshUserName).user();
        } catch (IllegalArgumentException e) {
            return null; // the password path tells the client what is wrong with the name
        }
        DeviceLogin started;
        try {
            started = devices.start(user, source);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "single sign-on of " + user + " could not start", e);
            sendBanner(session, "shellguard: the gateway cannot start a single sign-on right now; try again shortly");
            return null;
        }
        switch (started.status()) {
            case WAITING -> {
                trail.deviceLoginStarted(devices.pending(user, source, started), started.intervalSeconds());
                return DeviceSignOn.challenge(started);
            }
            case REFUSED -> {
                trail.deviceLoginEnded();
                refuse(trail, session, user, AuthenticationMethod.SSO, null, source, started.reason(), deviceExplanation(user, started.reason()));
                return null;
            }
            default -> {
                trail.deviceLoginEnded();
                return null;
            }
        }
    }

    /** Runs on the WorkManager when the provider decided or time ran out; reports a refusal at once. */
    private boolean deviceConcluded(ServerSession session, DeviceSignOn.Pending device, DeviceLogin outcome) {
        AuthenticationTrail trail = AuthenticationTrail.of(session);
        trail.deviceLoginEnded();
        if (outcome.status() == DeviceLogin.Status.ACCEPTED) {
            String overLimit = admission.connectionLimitRefusal(device.user());
            if (overLimit != null) {
                return refuse(trail, session, device.user(), AuthenticationMethod.SSO, null, device.sourceAddress(), overLimit, overLimit);
            }
            trail.record(device.user(), AuthenticationMethod.SSO, null, AuthenticationVerdict.accept());
            return true;
        }
        return refuse(trail, session, device.user(), AuthenticationMethod.SSO, null, device.sourceAddress(), outcome.reason(),
                deviceExplanation(device.user(), outcome.reason()));
    }

    /** The person signed in, or tried to, so what went wrong is told; a provider that cannot be reached is told as such. */
    private static String deviceExplanation(String user, String reason) {
        if (AuthenticationVerdict.LOCKED.equals(reason) || AuthenticationVerdict.THROTTLED.equals(reason)) {
            return "too many failed logins; " + user + " is refused for now (" + reason + ")";
        }
        if (reason != null && reason.startsWith("SSO_UNAVAILABLE")) {
            return "the identity provider cannot be reached to sign " + user + " on; try again shortly (SSO_UNAVAILABLE)";
        }
        return "single sign-on refused: " + reason;
    }

    private boolean check(String sshUserName, AuthenticationMethod method, String secret, String publicKey,
                          ServerSession session) {
        AuthenticationTrail trail = AuthenticationTrail.of(session);
        String source = PeerAddress.of(session);
        TargetSelector selector;
        try {
            selector = TargetSelector.parse(sshUserName);
        } catch (IllegalArgumentException e) {
            return refuse(trail, session, sshUserName, method, publicKey, source, e.getMessage(), e.getMessage());
        }
        AuthenticationVerdict verdict;
        try {
            verdict = listener.authenticate(new AuthenticationAttempt(selector.user(), method, secret, source));
        } catch (GatewayUnavailableException e) {
            sendBanner(session, "shellguard: " + e.getMessage() + "; try again shortly");
            return false;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "authentication of " + selector.user() + " could not be decided", e);
            sendBanner(session, "shellguard: the gateway cannot check credentials right now; try again shortly");
            return false;
        }
        if (verdict.accepted()) {
            String overLimit = admission.connectionLimitRefusal(selector.user());
            if (overLimit != null) { // told before the login succeeds: a disconnect after it races the success message
                return refuse(trail, session, selector.user(), method, publicKey, source, overLimit, overLimit);
            }
            trail.record(selector.user(), method, publicKey, verdict);
            return true;
        }
        return refuse(trail, session, selector.user(), method, publicKey, source, verdict.reason(),
                explanation(selector.user(), method, verdict));
    }

    /** What the client is told of a refusal beyond "authentication failed", or null for nothing more. */
    private static String explanation(String user, AuthenticationMethod method, AuthenticationVerdict verdict) {
        if (verdict.lockedOut()) {
            return "too many failed logins; " + user + " is refused for now (" + verdict.reason() + ")";
        }
        if (verdict.directoryUnavailable()) {
            return "the directory cannot be reached to check " + user + "; try again shortly (" + verdict.reason() + ")";
        }
        if (AuthenticationVerdict.MFA_NOT_ENROLLED.equals(verdict.reason())) {
            return user + " must log in with a second factor and has none yet: enrol one with your password"
                    + " (POST /api/v1/users/" + user + "/totp, then .../totp/confirm) or ask an administrator (console,"
                    + " Users), then log in again (" + verdict.reason() + ")";
        }
        if (method == AuthenticationMethod.TOTP) {
            return "TOTP_REPLAYED".equals(verdict.reason()) ? "that code was used already; wait for the next one (TOTP_REPLAYED)"
                    : "wrong verification code (" + verdict.reason() + ")";
        }
        return null;
    }

    private boolean refuse(AuthenticationTrail trail, ServerSession session, String user, AuthenticationMethod method,
                           String publicKey, String source, String reason, String bannerDetail) {
        trail.record(user, method, publicKey, AuthenticationVerdict.reject(reason));
        boolean reportedAtOnce = method == AuthenticationMethod.PASSWORD || method == AuthenticationMethod.TOTP
                || method == AuthenticationMethod.SSO;
        if (reportedAtOnce) {
            report(new AuthenticationOutcome(user, method, source, false, reason));
        }
        if (reportedAtOnce || (bannerDetail != null && trail.firstBanner())) {
            sendBanner(session, "shellguard: " + (bannerDetail != null ? bannerDetail : "authentication failed for " + user));
        }
        return false;
    }

    @Override
    public void sessionEvent(Session session, Event event) {
        if (event == Event.Authenticated) {
            AuthenticationTrail trail = AuthenticationTrail.of(session);
            trail.takeUnreportedFailure();
            reportSoon(new AuthenticationOutcome(trail.user(), trail.lastMethod(), PeerAddress.of(session), true, trail.successNote()));
        }
    }

    @Override
    public void sessionClosed(Session session) {
        AuthenticationTrail trail = AuthenticationTrail.of(session);
        if (!session.isAuthenticated() && trail.takeUnreportedFailure()) {
            reportSoon(new AuthenticationOutcome(trail.user(), trail.lastMethod(), PeerAddress.of(session), false,
                    trail.lastRejection()));
        }
    }

    /**
     * Reports as work: MINA signals a login while it holds the connection's write lock, before the success message
     * goes out, often on a network thread, so a report written in place kept every login waiting for an audit insert
     * (a committed write) and held that thread meanwhile.
     */
    private void reportSoon(AuthenticationOutcome outcome) {
        work.submitOrRun(() -> report(outcome));
    }

    private void report(AuthenticationOutcome outcome) {
        try {
            listener.authenticationConcluded(outcome);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not audit " + outcome, e);
        }
    }

    private static void sendBanner(ServerSession session, String message) {
        try {
            byte[] text = (message + "\r\n").getBytes(StandardCharsets.UTF_8);
            Buffer buffer = session.createBuffer(SshConstants.SSH_MSG_USERAUTH_BANNER, text.length + 16);
            buffer.putString(message + "\r\n");
            buffer.putString("en");
            session.writePacket(buffer);
        } catch (IOException e) {
            LOG.log(Level.FINE, "could not send a banner", e);
        }
    }
}

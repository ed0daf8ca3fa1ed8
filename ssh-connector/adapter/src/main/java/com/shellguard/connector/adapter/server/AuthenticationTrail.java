package com.shellguard.connector.adapter.server;

import com.shellguard.connector.api.AuthenticationMethod;
import com.shellguard.connector.api.AuthenticationVerdict;
import java.util.HashMap;
import java.util.Map;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.session.Session;

/**
 * What happened during one connection's authentication, kept on the MINA session so the audit can
 * report one outcome per real event: the OpenSSH client probes each public key before it signs, and
 * a client that offers three keys of which one is known has not failed three times.
 */
final class AuthenticationTrail {

    private static final AttributeKey<AuthenticationTrail> KEY = new AttributeKey<>();

    private final Map<String, AuthenticationVerdict> keyVerdicts = new HashMap<>();
    private String user;
    private AuthenticationMethod lastMethod = AuthenticationMethod.NONE;
    private String lastRejection;
    private boolean unreportedFailure;
    private boolean bannerSent;
    private boolean secondFactorRequired;
    private boolean firstFactorPassed;
    private boolean secondFactorPassed;
    private String successNote;
    private DeviceSignOn.Pending deviceLogin;
    private int deviceInterval;
    private boolean deviceLoginTried;

    static AuthenticationTrail of(Session session) {
        AuthenticationTrail trail = session.getAttribute(KEY);
        if (trail == null) {
            trail = new AuthenticationTrail();
            session.setAttribute(KEY, trail);
        }
        return trail;
    }

    synchronized AuthenticationVerdict cachedKeyVerdict(String publicKey) {
        return keyVerdicts.get(publicKey);
    }

    synchronized void record(String gatewayUser, AuthenticationMethod method, String publicKey, AuthenticationVerdict verdict) {
        user = gatewayUser;
        lastMethod = method;
        if (publicKey != null) {
            keyVerdicts.put(publicKey, verdict);
        }
        if (verdict.accepted()) {
            unreportedFailure = false;
            secondFactorRequired |= verdict.secondFactor();
            if (method == AuthenticationMethod.TOTP) {
                secondFactorPassed = true;
                successNote = verdict.reason();
            }
        } else {
            lastRejection = verdict.reason();
            unreportedFailure = method != AuthenticationMethod.PASSWORD && method != AuthenticationMethod.TOTP
                    && method != AuthenticationMethod.SSO;
        }
    }

    /**
     * A method succeeded (its signature or password verified): true when the login may complete, false when the
     * person's second factor is still to be shown, which from now on is all the connection may try.
     */
    synchronized boolean methodSucceeded() {
        if (!secondFactorRequired || secondFactorPassed) {
            return true;
        }
        firstFactorPassed = true;
        return false;
    }

    /** Whether a password or key of this connection was accepted and the second factor is what is missing. */
    synchronized boolean awaitsSecondFactor() {
        return firstFactorPassed && !secondFactorPassed;
    }

    /** Single sign-on is offered once per connection (the client retries keyboard-interactive after a refusal). */
    synchronized boolean mayStartDeviceLogin() {
        return !deviceLoginTried;
    }

    synchronized void deviceLoginStarted(DeviceSignOn.Pending pending, int intervalSeconds) {
        deviceLoginTried = true;
        deviceLogin = pending;
        deviceInterval = intervalSeconds;
    }

    /** The code shown to the person, once: the answer to the prompt starts the wait. */
    synchronized DeviceSignOn.Pending takeDeviceLogin() {
        DeviceSignOn.Pending pending = deviceLogin;
        deviceLogin = null;
        return pending;
    }

    synchronized int deviceInterval() {
        return deviceInterval;
    }

    synchronized void deviceLoginEnded() {
        deviceLoginTried = true;
        deviceLogin = null;
    }

    /** What the audit row of the successful login notes, such as a recovery code spent; usually null. */
    synchronized String successNote() {
        return successNote;
    }

    synchronized String user() {
        return user;
    }

    synchronized AuthenticationMethod lastMethod() {
        return lastMethod;
    }

    synchronized String lastRejection() {
        return lastRejection;
    }

    /** True the first time only, so a client probing many keys sees one explanation. */
    synchronized boolean firstBanner() {
        boolean first = !bannerSent;
        bannerSent = true;
        return first;
    }

    /** True once: a rejection that no audit event has reported yet. */
    synchronized boolean takeUnreportedFailure() {
        boolean pending = unreportedFailure;
        unreportedFailure = false;
        return pending;
    }
}

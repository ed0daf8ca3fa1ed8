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
        } else {
            lastRejection = verdict.reason();
            unreportedFailure = method != AuthenticationMethod.PASSWORD;
        }
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

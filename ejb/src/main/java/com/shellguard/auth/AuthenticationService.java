package com.shellguard.auth;

import com.shellguard.audit.AuditRepository;
import com.shellguard.audit.AuthEvent;
import com.shellguard.common.Clock;
import com.shellguard.connector.api.AuthenticationAttempt;
import com.shellguard.connector.api.AuthenticationMethod;
import com.shellguard.connector.api.AuthenticationOutcome;
import com.shellguard.connector.api.AuthenticationVerdict;
import com.shellguard.user.GatewayUser;
import com.shellguard.user.PasswordHasher;
import com.shellguard.user.UserRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Optional;

/** Checks the credentials people offer the gateway's SSH listener, and audits how each login ended. */
@Stateless
public class AuthenticationService {

    /** The audit keeps user names of up to this many characters. */
    private static final int MAX_NAME = 255;

    @Inject
    UserRepository users;

    @Inject
    AuditRepository audit;

    public AuthenticationVerdict authenticate(AuthenticationAttempt attempt) {
        Optional<GatewayUser> found = users.find(attempt.user());
        if (found.isEmpty() || !found.get().isEnabled()) {
            if (attempt.method() == AuthenticationMethod.PASSWORD) {
                PasswordHasher.spendVerificationTime(attempt.secret());
            }
            return AuthenticationVerdict.reject(found.isEmpty() ? "unknown user" : "account disabled");
        }
        GatewayUser user = found.get();
        return switch (attempt.method()) {
            case PASSWORD -> user.acceptsPassword(attempt.secret()) ? AuthenticationVerdict.accept()
                    : AuthenticationVerdict.reject(user.hasPassword() ? "wrong password" : user.getUsername() + " has no password");
            case PUBLICKEY -> user.acceptsKey(attempt.secret()) ? AuthenticationVerdict.accept()
                    : AuthenticationVerdict.reject("public key not registered for " + user.getUsername());
            case KEYBOARD_INTERACTIVE, NONE -> AuthenticationVerdict.reject("authentication method " + attempt.method() + " is not accepted");
        };
    }

    /** Audits a login to the admin console, with the authentication events of the gateway (method {@code CONSOLE}). */
    public void consoleLoginConcluded(String user, String sourceAddress, boolean success) {
        String name = user == null ? "" : user.length() > MAX_NAME ? user.substring(0, MAX_NAME) : user; // the form takes any text
        audit.add(new AuthEvent(Clock.now(), name, "CONSOLE", sourceAddress, success,
                success ? null : "console login refused: wrong user name or password, or not an admin or auditor"));
    }

    public void authenticationConcluded(AuthenticationOutcome outcome) {
        audit.add(new AuthEvent(Clock.now(), outcome.user(), outcome.method() == null ? null : outcome.method().name(),
                outcome.sourceAddress(), outcome.success(), outcome.reason()));
    }
}

package com.shellguard.auth;

import com.shellguard.audit.AuditRepository;
import com.shellguard.audit.AuthEvent;
import com.shellguard.common.Clock;
import com.shellguard.connector.api.AuthenticationAttempt;
import com.shellguard.connector.api.AuthenticationMethod;
import com.shellguard.connector.api.AuthenticationOutcome;
import com.shellguard.connector.api.AuthenticationVerdict;
import com.shellguard.totp.MfaPolicy;
import com.shellguard.totp.TotpCheck;
import com.shellguard.directory.DirectoryKeyCheck;
import com.shellguard.sso.KeyWindow;
import com.shellguard.user.GatewayUser;
import com.shellguard.user.UserRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Checks the credentials people offer the gateway's SSH listener, and audits how each login ended at any door.
 * A password goes through {@link PasswordLogin}, which counts failures; a public key is refused while the
 * account is locked or the address throttled, but a refused key does not count, since the OpenSSH client offers
 * every key it has before it signs with one. A person with a second factor (or required to have one) is accepted
 * only as far as the first factor: the connector then asks for a code ({@link AuthenticationMethod#TOTP}), which
 * {@link SecondFactorLogin} checks; one required to have a factor who has none is refused ({@code MFA_NOT_ENROLLED}).
 * A directory account's key is let in only while the directory has the person active ({@link DirectoryKeyCheck}); a
 * federated account's only for {@code SHELLGUARD_OIDC_KEY_HOURS} (as set now: a lowered setting or single sign-on
 * switched off closes the windows at once) after its last single sign-on over SSH.
 */
@Stateless
public class AuthenticationService {

    /** The audit keeps user names of up to this many characters. */
    private static final int MAX_NAME = 255;

    @Inject
    UserRepository users;

    @Inject
    AuditRepository audit;

    @Inject
    PasswordLogin passwords;

    @Inject
    LoginLockout lockout;

    @Inject
    SecondFactorLogin secondFactor;

    @Inject
    MfaPolicy mfa;

    @Inject
    DirectoryKeyCheck directoryKeys;

    @Inject
    KeyWindow keyWindow;

    public AuthenticationVerdict authenticate(AuthenticationAttempt attempt) {
        if (attempt.method() == AuthenticationMethod.PASSWORD) {
            PasswordCheck check = passwords.check(attempt.user(), attempt.secret(), attempt.sourceAddress(), LoginDoor.SSH);
            return check.isAccepted() ? firstFactorAccepted(check.account()) : AuthenticationVerdict.reject(check.refusal());
        }
        if (attempt.method() == AuthenticationMethod.TOTP) {
            return secondFactor(attempt);
        }
        Optional<String> locked = lockout.standing(attempt.user(), attempt.sourceAddress()).refused();
        if (locked.isPresent()) {
            return AuthenticationVerdict.reject(locked.get());
        }
        Optional<GatewayUser> found = users.find(attempt.user());
        if (found.isEmpty() || !found.get().isEnabled()) {
            return AuthenticationVerdict.reject(found.isEmpty() ? "unknown user" : "account disabled");
        }
        GatewayUser user = found.get();
        return switch (attempt.method()) {
            case PUBLICKEY -> !user.acceptsKey(attempt.secret())
                    ? AuthenticationVerdict.reject("public key not registered for " + user.getUsername())
                    : user.isDirectory() ? directoryKeys.refusal(user).map(AuthenticationVerdict::reject).orElseGet(() -> firstFactorAccepted(user))
                    : user.isFederated() && !user.keysAcceptedAt(Clock.now(), keyWindow.now()) ? AuthenticationVerdict.reject("SSO_KEY_WINDOW_CLOSED: "
                            + user.getUsername() + " signs on at the identity provider; keys count only for a while after a single sign-on over SSH")
                    : firstFactorAccepted(user);
            case PASSWORD, KEYBOARD_INTERACTIVE, NONE, TOTP, SSO ->
                    AuthenticationVerdict.reject("authentication method " + attempt.method() + " is not accepted");
        };
    }

    private AuthenticationVerdict firstFactorAccepted(GatewayUser user) {
        return switch (mfa.need(user.getUsername(), user.getGroups())) {
            case NOTHING -> AuthenticationVerdict.accept();
            case TOTP -> AuthenticationVerdict.acceptWithSecondFactor();
            case ENROLMENT -> AuthenticationVerdict.reject(AuthenticationVerdict.MFA_NOT_ENROLLED);
        };
    }

    /** The connector asks for a code only after the first factor of the same connection was accepted. */
    private AuthenticationVerdict secondFactor(AuthenticationAttempt attempt) {
        Optional<GatewayUser> found = users.find(attempt.user());
        if (found.isEmpty() || !found.get().isEnabled()) {
            return AuthenticationVerdict.reject(found.isEmpty() ? "unknown user" : "account disabled");
        }
        SecondFactorLogin.Outcome outcome = secondFactor.check(attempt.user(), attempt.secret(), attempt.sourceAddress());
        if (!outcome.accepted()) {
            return AuthenticationVerdict.reject(outcome.reason());
        }
        return outcome.check() == TotpCheck.RECOVERY_CODE
                ? AuthenticationVerdict.acceptNoting("recovery code used, " + secondFactor.recoveryCodesLeft(attempt.user()) + " left")
                : AuthenticationVerdict.accept();
    }

    /** Audits the console's second step (method {@code CONSOLE}): the code's outcome, after a right password. */
    public void consoleSecondFactorConcluded(String user, String sourceAddress, SecondFactorLogin.Outcome outcome) {
        String name = user.length() > MAX_NAME ? user.substring(0, MAX_NAME) : user;
        audit.add(new AuthEvent(Clock.now(), name, LoginDoor.CONSOLE.name(), sourceAddress, outcome.accepted(),
                outcome.accepted() ? (outcome.reason() == null ? "TOTP" : "TOTP, " + outcome.reason()) : outcome.reason()));
    }

    /** Audits a login to the admin console, with the authentication events of the gateway (method {@code CONSOLE}). */
    public void consoleLoginConcluded(String user, String sourceAddress, PasswordCheck check) {
        concluded(user, LoginDoor.CONSOLE.name(), sourceAddress, check);
    }

    /** Audits a console login refused after a right password (method {@code CONSOLE}), with why. */
    public void consoleLoginRefused(String user, String sourceAddress, String reason) {
        concluded(user, LoginDoor.CONSOLE.name(), sourceAddress, PasswordCheck.refused(reason));
    }

    /** Audits a single sign-on to the console (method {@code CONSOLE}, reason starting {@code SSO}). */
    public void consoleSignOnConcluded(String user, String sourceAddress, boolean accepted, String reason) {
        String name = user == null ? "" : user.length() > MAX_NAME ? user.substring(0, MAX_NAME) : user;
        audit.add(new AuthEvent(Clock.now(), name, LoginDoor.CONSOLE.name(), sourceAddress, accepted,
                reason != null && reason.length() > 1000 ? reason.substring(0, 1000) : reason));
    }

    /** Audits a refused REST API credential (method {@code API}); accepted ones are not, each request carries one. */
    public void apiLoginRefused(String user, String sourceAddress, String reason) {
        concluded(user, LoginDoor.API.name(), sourceAddress, PasswordCheck.refused(reason));
    }

    private void concluded(String user, String method, String sourceAddress, PasswordCheck check) {
        String name = user == null ? "" : user.length() > MAX_NAME ? user.substring(0, MAX_NAME) : user; // forms take any text
        audit.add(new AuthEvent(Clock.now(), name, method, sourceAddress, check.isAccepted(), check.refusal()));
    }

    public void authenticationConcluded(AuthenticationOutcome outcome) {
        audit.add(new AuthEvent(Clock.now(), outcome.user(), outcome.method() == null ? null : outcome.method().name(),
                outcome.sourceAddress(), outcome.success(), outcome.reason()));
    }
}

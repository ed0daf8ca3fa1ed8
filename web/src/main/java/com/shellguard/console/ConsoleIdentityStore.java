package com.shellguard.console;

import com.shellguard.auth.AuthenticationService;
import com.shellguard.auth.CurrentRoles;
import com.shellguard.auth.LoginDoor;
import com.shellguard.auth.PasswordCheck;
import com.shellguard.auth.PasswordLogin;
import com.shellguard.auth.SecondFactorLogin;
import com.shellguard.totp.MfaPolicy;
import com.shellguard.totp.TotpEnrolments;
import com.shellguard.user.Role;
import com.shellguard.sso.ConsoleSignOn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a console login against the gateway's accounts with the password check of every door (an unknown name
 * costs the same hashing time as a wrong password, failures count towards a lockout), and audits it with the
 * precise reason. Admins and auditors get their console role; people with the USER role get {@code requester},
 * which opens only the page of their own access ({@link ConsoleRoles}).
 *
 * <p>An account with a second factor logs in in two steps: a right password only marks the HTTP session as
 * awaiting a code ({@link SecondFactorStep}) and authenticates nothing; the code ({@link SecondFactorCredential}) is
 * then checked for that account, counted like a password by the lockout and audited, and only then is the session
 * given the account's role, read afresh.
 *
 * <p>A single sign-on ({@link SignOnCredential}) is redeemed at the provider and checked by {@code sso.ConsoleSignOn};
 * the provider's own second factor is the one that counts there.
 */
@ApplicationScoped
public class ConsoleIdentityStore implements IdentityStore {

    /** Set on the request when the directory could not check the password, so the login page can say so. */
    static final String DIRECTORY_UNAVAILABLE = "shellguard.directoryUnavailable";
    static final String SECOND_FACTOR_MISSING = "shellguard.secondFactorMissing";

    @Inject
    PasswordLogin passwords;

    @Inject
    AuthenticationService audit;

    @Inject
    HttpServletRequest request;

    @Inject
    SecondFactorStep step;

    @Inject
    TotpEnrolments secondFactors;

    @Inject
    MfaPolicy mfa;

    @Inject
    SecondFactorLogin codes;

    @Inject
    CurrentRoles roles;

    @Inject
    ConsoleSignOn signOn;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        String source = source();
        step.end();
        PasswordCheck check = passwords.check(credential.getCaller(), credential.getPasswordAsString(), source, LoginDoor.CONSOLE);
        if (check.isAccepted() && secondFactors.isActive(check.account().getUsername())) {
            step.passwordAccepted(check.account().getUsername());
            return CredentialValidationResult.INVALID_RESULT; // not logged in before the code
        }
        if (check.isAccepted() && check.account().getRole() == Role.USER
                && mfa.need(check.account().getUsername(), check.account().getGroups()) == MfaPolicy.Need.ENROLMENT) {
            // an admin may sign in without a factor to enrol people; a person who only asks for access has no such need
            audit.consoleLoginRefused(credential.getCaller(), source, "MFA_NOT_ENROLLED");
            request.setAttribute(SECOND_FACTOR_MISSING, Boolean.TRUE);
            return CredentialValidationResult.INVALID_RESULT;
        }
        audit.consoleLoginConcluded(credential.getCaller(), source, check);
        if (!check.isAccepted()) {
            if (check.directoryUnavailable()) {
                request.setAttribute(DIRECTORY_UNAVAILABLE, Boolean.TRUE);
            }
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(check.account().getUsername(), Set.of(ConsoleRoles.of(check.account().getRole()).orElseThrow()));
    }

    /** A sign-on at the identity provider: the code is redeemed and checked, and the person's role is the provider's groups'. */
    public CredentialValidationResult validate(SignOnCredential credential) {
        step.end();
        ConsoleSignOn.Outcome outcome = signOn.signIn(credential.code(), credential.codeVerifier(), credential.redirectUri(),
                credential.nonce(), source());
        if (!outcome.accepted()) {
            request.setAttribute(SignOnCallback.REFUSAL, outcome.reason());
            return CredentialValidationResult.INVALID_RESULT;
        }
        Optional<String> role = ConsoleRoles.of(outcome.account().getRole());
        return role.isEmpty() ? CredentialValidationResult.INVALID_RESULT
                : new CredentialValidationResult(outcome.account().getUsername(), Set.of(role.get()));
    }

    public CredentialValidationResult validate(SecondFactorCredential credential) {
        String name = step.awaitingFor();
        if (name == null) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        String source = source();
        SecondFactorLogin.Outcome outcome = codes.check(name, credential.code(), source);
        audit.consoleSecondFactorConcluded(name, source, outcome);
        if (!outcome.accepted()) {
            if (outcome.lockout() != null) {
                step.end();
            }
            return CredentialValidationResult.INVALID_RESULT;
        }
        step.end();
        Optional<String> role = roles.of(name).flatMap(ConsoleRoles::of);
        return role.isEmpty() ? CredentialValidationResult.INVALID_RESULT : new CredentialValidationResult(name, Set.of(role.get()));
    }

    private String source() {
        return request.getRemoteAddr() + ":" + request.getRemotePort();
    }
}

package com.shellguard.console;

import com.shellguard.auth.AuthenticationService;
import com.shellguard.auth.LoginDoor;
import com.shellguard.auth.PasswordCheck;
import com.shellguard.auth.PasswordLogin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;

/**
 * Checks a console login against the gateway's accounts with the password check of every door (an unknown name
 * costs the same hashing time as a wrong password, failures count towards a lockout), and audits it with the
 * precise reason. Admins and auditors get their console role; people with the USER role have a password for the
 * gateway, not for the console, and are refused alike.
 */
@ApplicationScoped
public class ConsoleIdentityStore implements IdentityStore {

    /** Set on the request when the directory could not check the password, so the login page can say so. */
    static final String DIRECTORY_UNAVAILABLE = "shellguard.directoryUnavailable";

    @Inject
    PasswordLogin passwords;

    @Inject
    AuthenticationService audit;

    @Inject
    HttpServletRequest request;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        String source = request.getRemoteAddr() + ":" + request.getRemotePort();
        PasswordCheck check = passwords.check(credential.getCaller(), credential.getPasswordAsString(), source, LoginDoor.CONSOLE);
        audit.consoleLoginConcluded(credential.getCaller(), source, check);
        if (!check.isAccepted()) {
            if (check.directoryUnavailable()) {
                request.setAttribute(DIRECTORY_UNAVAILABLE, Boolean.TRUE);
            }
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(check.account().getUsername(), Set.of(ConsoleRoles.of(check.account().getRole()).orElseThrow()));
    }
}

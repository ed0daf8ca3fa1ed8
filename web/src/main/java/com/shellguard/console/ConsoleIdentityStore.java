package com.shellguard.console;

import com.shellguard.auth.ApiAuthenticator;
import com.shellguard.auth.ApiCaller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a console login against the gateway's accounts, with the same password check as HTTP Basic (an
 * unknown name costs the same hashing time as a wrong password). Admins and auditors get their console role;
 * people with the USER role have a password for the gateway, not for the console, and are refused alike.
 */
@ApplicationScoped
public class ConsoleIdentityStore implements IdentityStore {

    @Inject
    ApiAuthenticator authenticator;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        Optional<ApiCaller> caller = authenticator.password(credential.getCaller(), credential.getPasswordAsString());
        Optional<String> role = caller.flatMap(c -> ConsoleRoles.of(c.role()));
        if (role.isEmpty()) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(caller.get().name(), Set.of(role.get()));
    }
}

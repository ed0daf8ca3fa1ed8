package com.shellguard.console;

import jakarta.security.enterprise.credential.Credential;

/**
 * A code typed on the console's second login step. It names no account: the account is the one whose password
 * the same HTTP session showed ({@link SecondFactorStep}), so a code alone opens nothing.
 */
public record SecondFactorCredential(String code) implements Credential {

    @Override
    public void clear() {
        // nothing kept beyond the request
    }
}

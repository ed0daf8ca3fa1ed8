package com.shellguard.console;

import jakarta.security.enterprise.credential.Credential;
import java.net.URI;

/**
 * What the identity provider sent the browser back with, and what this browser's sign-on started with: the
 * authorization code, its PKCE verifier, the redirect URI and the nonce the ID token must carry. Only
 * {@link SignOnCallback} makes one, after the state matched the browser; {@link ConsoleIdentityStore} redeems it.
 */
public record SignOnCredential(String code, String codeVerifier, URI redirectUri, String nonce) implements Credential {

    @Override
    public void clear() {
        // nothing kept beyond the request
    }
}

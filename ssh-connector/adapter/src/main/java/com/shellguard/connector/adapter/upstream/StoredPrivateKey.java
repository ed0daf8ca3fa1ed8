package com.shellguard.connector.adapter.upstream;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.util.security.SecurityUtils;

/**
 * Reads a stored private key (OpenSSH or PEM) as the upstream connection uses it, with MINA's readers. The same
 * reading runs when the key is stored, so a key protected by a passphrase (the gateway has no one to ask) or a
 * broken one is refused then, not at the first session.
 */
public final class StoredPrivateKey {

    private StoredPrivateKey() {
    }

    /** @throws IllegalArgumentException with a message for the admin, when the text holds no usable private key */
    public static List<KeyPair> read(String text) {
        List<KeyPair> keys = new ArrayList<>();
        try {
            Iterable<KeyPair> read = SecurityUtils.loadKeyPairIdentities(null, NamedResource.ofName("stored key"),
                    new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), (session, resource, retry) -> {
                        throw new PassphraseRequired();
                    });
            if (read != null) {
                read.forEach(keys::add);
            }
        } catch (PassphraseRequired e) {
            throw new IllegalArgumentException("the private key is protected by a passphrase, which the gateway cannot type:"
                    + " store it without one (ssh-keygen -p -N '' -f KEYFILE)");
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("the private key cannot be read: " + UpstreamConnector.describe(e), e);
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("no private key found (expected -----BEGIN ... PRIVATE KEY-----)");
        }
        return keys;
    }

    /** Thrown by the password provider: stops the reading of an encrypted key at once. */
    private static final class PassphraseRequired extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PassphraseRequired() {
            super(null, null, false, false);
        }
    }
}

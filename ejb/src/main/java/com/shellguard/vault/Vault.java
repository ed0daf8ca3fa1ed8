package com.shellguard.vault;

import com.shellguard.common.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The node's credential cipher. The key is {@code shellguard.vault.key} (base64) when configured (every
 * node of a cluster must have the same one), else it is generated once into {@code vault.key} in the
 * node's home (mode 0600) and read from there on every later start.
 */
@ApplicationScoped
public class Vault {

    @Inject
    Settings settings;

    private CredentialCipher cipher;

    @PostConstruct
    void loadKey() {
        cipher = new CredentialCipher(VaultKey.resolve(settings.vaultKey(), settings.home().resolve("vault.key")));
    }

    public String seal(String secret) {
        return cipher.seal(secret);
    }

    /** @throws VaultException when the value was not sealed with this node's key or was altered */
    public String open(String sealed) {
        return cipher.open(sealed);
    }
}

package com.shellguard.vault;

import com.shellguard.common.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.logging.Logger;

/**
 * The node's credential cipher. The key is {@code shellguard.vault.key} (base64) when configured — every
 * node of a cluster must have the same one — else it is generated once into {@code vault.key} in the
 * node's home (mode 0600) and read from there on every later start.
 */
@ApplicationScoped
public class Vault {

    private static final Logger LOG = Logger.getLogger(Vault.class.getName());

    @Inject
    Settings settings;

    private CredentialCipher cipher;

    @PostConstruct
    void loadKey() {
        cipher = new CredentialCipher(settings.vaultKey().map(Vault::decode).orElseGet(() -> keyFile(settings.home().resolve("vault.key"))));
    }

    public String seal(String secret) {
        return cipher.seal(secret);
    }

    public String open(String sealed) {
        return cipher.open(sealed);
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("shellguard.vault.key (SHELLGUARD_VAULT_KEY) is not base64", e);
        }
    }

    private static byte[] keyFile(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] fresh = CredentialCipher.newKey();
                try {
                    Files.writeString(file, Base64.getEncoder().encodeToString(fresh) + "\n", StandardCharsets.US_ASCII,
                            StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                    LOG.info(() -> "ShellGuard: generated a vault key in " + file + "; back it up, stored credentials cannot be read without it");
                    return fresh;
                } catch (FileAlreadyExistsException raced) {
                    // another start wrote it first: read theirs
                }
            }
            return decode(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the vault key " + file, e);
        }
    }
}

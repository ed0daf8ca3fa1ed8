package com.shellguard.vault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Where the vault key comes from: the configured value when there is one, else a key file generated once.
 * The file appears complete and owner-only in one step, so a second process starting at the same moment
 * reads the same key instead of a half-written file or a key of its own.
 */
final class VaultKey {

    private static final Logger LOG = Logger.getLogger(VaultKey.class.getName());

    private VaultKey() {
    }

    static byte[] resolve(Optional<String> configured, Path keyFile) {
        return configured.map(text -> decode(text, "shellguard.vault.key (SHELLGUARD_VAULT_KEY)")).orElseGet(() -> fromFile(keyFile));
    }

    private static byte[] fromFile(Path file) {
        try {
            if (Files.exists(file)) {
                return read(file);
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            byte[] fresh = CredentialCipher.newKey();
            Path draft = Files.createTempFile(file.toAbsolutePath().getParent(), ".vault.key", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try {
                Files.writeString(draft, Base64.getEncoder().encodeToString(fresh) + "\n", StandardCharsets.US_ASCII);
                Files.createLink(file, draft);
                LOG.info(() -> "ShellGuard: generated a vault key in " + file + "; back it up, stored credentials cannot be read without it");
                return fresh;
            } catch (FileAlreadyExistsException raced) {
                return read(file);
            } finally {
                Files.deleteIfExists(draft);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the vault key " + file, e);
        }
    }

    private static byte[] read(Path file) throws IOException {
        return decode(Files.readString(file, StandardCharsets.US_ASCII), "the vault key file " + file);
    }

    private static byte[] decode(String text, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(text.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + " is not base64");
        }
        if (key.length != 32) {
            throw new IllegalStateException(source + " must hold 32 bytes (AES-256), not " + key.length);
        }
        return key;
    }
}

package com.shellguard.vault;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VaultKeyTest {

    @TempDir
    Path home;

    @Test
    void aConfiguredKeyIsUsedAndNoKeyFileIsWritten() {
        byte[] key = CredentialCipher.newKey();
        assertArrayEquals(key, VaultKey.resolve(Optional.of(Base64.getEncoder().encodeToString(key)), home.resolve("vault.key")));
        assertFalse(Files.exists(home.resolve("vault.key")));
    }

    @Test
    void withoutAConfiguredKeyOneIsGeneratedIntoAFileOnlyItsOwnerCanRead() throws IOException {
        Path file = home.resolve("data/vault.key");
        byte[] key = VaultKey.resolve(Optional.empty(), file);
        assertEquals(32, key.length);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        try (var left = Files.list(file.getParent())) {
            assertEquals(1, left.count(), "no draft file is left behind");
        }
    }

    @Test
    void theGeneratedKeyIsTheOneReadOnEveryLaterStart() {
        Path file = home.resolve("vault.key");
        byte[] first = VaultKey.resolve(Optional.empty(), file);
        assertArrayEquals(first, VaultKey.resolve(Optional.empty(), file));
    }

    @Test
    void aConfiguredKeyThatIsNotBase64Of32BytesIsRefusedNamingTheSetting() {
        IllegalStateException notBase64 = assertThrows(IllegalStateException.class,
                () -> VaultKey.resolve(Optional.of("not base64!"), home.resolve("vault.key")));
        assertTrue(notBase64.getMessage().contains("SHELLGUARD_VAULT_KEY"), notBase64.getMessage());
        IllegalStateException tooShort = assertThrows(IllegalStateException.class,
                () -> VaultKey.resolve(Optional.of(Base64.getEncoder().encodeToString(new byte[16])), home.resolve("vault.key")));
        assertTrue(tooShort.getMessage().contains("32 bytes"), tooShort.getMessage());
    }

    @Test
    void aDamagedKeyFileIsRefusedRatherThanReplaced() throws IOException {
        Path file = home.resolve("vault.key");
        Files.writeString(file, "AAAA\n");
        assertThrows(IllegalStateException.class, () -> VaultKey.resolve(Optional.empty(), file));
        assertEquals("AAAA\n", Files.readString(file));
    }
}

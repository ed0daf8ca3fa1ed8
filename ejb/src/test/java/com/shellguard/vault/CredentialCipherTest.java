package com.shellguard.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class CredentialCipherTest {

    private final CredentialCipher cipher = new CredentialCipher(CredentialCipher.newKey());

    @Test
    void aSealedSecretOpensToTheSameText() {
        String key = "-----BEGIN OPENSSH PRIVATE KEY-----\nabc\n-----END OPENSSH PRIVATE KEY-----\n";
        assertEquals(key, cipher.open(cipher.seal(key)));
    }

    @Test
    void theSealedFormRevealsNothingAndDiffersEachTime() {
        String a = cipher.seal("hunter2");
        String b = cipher.seal("hunter2");
        assertNotEquals(a, b);
        assertFalse(a.contains("hunter2"));
        assertTrue(a.startsWith("v1:"));
    }

    @Test
    void anAlteredValueFailsToOpen() {
        String sealed = cipher.seal("hunter2");
        byte[] raw = Base64.getDecoder().decode(sealed.substring(3));
        raw[raw.length - 1] ^= 1;
        String altered = "v1:" + Base64.getEncoder().encodeToString(raw);
        assertThrows(VaultException.class, () -> cipher.open(altered));
    }

    @Test
    void anotherKeyCannotOpenIt() {
        String sealed = cipher.seal("hunter2");
        assertThrows(VaultException.class, () -> new CredentialCipher(CredentialCipher.newKey()).open(sealed));
    }

    @Test
    void onlyA256BitKeyIsAccepted() {
        assertThrows(IllegalArgumentException.class, () -> new CredentialCipher(new byte[16]));
    }

    @Test
    void plaintextInTheStoreIsRefusedRatherThanUsed() {
        assertThrows(VaultException.class, () -> cipher.open("hunter2"));
    }
}

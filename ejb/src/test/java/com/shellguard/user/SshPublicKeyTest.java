package com.shellguard.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SshPublicKeyTest {

    static final String ED25519 = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIF/9gnU2nnmnlz3tI+TaJcd5l2Y+VslHJvuTsP8MFlAQ";
    static final String ECDSA = "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBHxWfR3"
            + "gSB2BCUHclGGHJ2PXCGRbs1GqyeCWp8OAFbAn2SoPNYhA3xeHEfZjhVNzRPmyJQFXsb2nCI3vRiHtSIg=";
    static final String RSA = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7";

    @Test
    void ed25519EcdsaAndRsaKeysAreAccepted() {
        assertEquals("ssh-ed25519", SshPublicKey.parse(ED25519 + " alice@laptop").type());
        assertEquals("ecdsa-sha2-nistp256", SshPublicKey.parse(ECDSA).type());
        assertEquals("ssh-rsa", SshPublicKey.parse(RSA).type());
    }

    @Test
    void theCommentDoesNotMakeADifferentKey() {
        assertTrue(SshPublicKey.sameKey(ED25519 + " one", ED25519 + " other"));
        assertFalse(SshPublicKey.sameKey(ED25519, ECDSA));
    }

    @Test
    void dataThatIsNotBase64IsRefused() {
        assertThrows(IllegalArgumentException.class, () -> SshPublicKey.parse("ssh-ed25519 notbase64!!"));
    }

    @Test
    void aBlobOfAnotherTypeIsRefused() {
        String mislabelled = "ssh-rsa " + ED25519.split(" ")[1];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SshPublicKey.parse(mislabelled));
        assertTrue(e.getMessage().contains("does not match"), e.getMessage());
    }

    @Test
    void unknownTypesAndEmptyInputAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> SshPublicKey.parse("ssh-dss AAAAB3NzaC1kc3M="));
        assertThrows(IllegalArgumentException.class, () -> SshPublicKey.parse(""));
        assertThrows(IllegalArgumentException.class, () -> SshPublicKey.parse(null));
    }

    @Test
    void theFingerprintIsWhatOpensshPrints() {
        // as printed by `ssh-keygen -lf` for this key
        assertEquals("SHA256:crakdS/I+EF6eWNInNll2VJ0I5vOv7atPI3MuWAI3NE", SshPublicKey.parse(ED25519).fingerprint());
    }
}

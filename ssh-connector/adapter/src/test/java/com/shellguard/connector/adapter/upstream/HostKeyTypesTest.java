package com.shellguard.connector.adapter.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class HostKeyTypesTest {

    private static final String MINA_DEFAULT = "ecdsa-sha2-nistp256-cert-v01@openssh.com,ssh-ed25519-cert-v01@openssh.com,"
            + "ecdsa-sha2-nistp256,ecdsa-sha2-nistp384,ssh-ed25519,rsa-sha2-512,rsa-sha2-256,ssh-rsa";

    @Test
    void aPinnedEd25519KeyNarrowsTheOfferToEd25519() {
        assertEquals("ssh-ed25519", HostKeyTypes.of(List.of("ssh-ed25519 AAAA comment")).restrict(MINA_DEFAULT));
    }

    @Test
    void aPinnedRsaKeyAllowsEveryRsaSignatureAlgorithm() {
        assertEquals("rsa-sha2-512,rsa-sha2-256,ssh-rsa", HostKeyTypes.of(List.of("ssh-rsa AAAA")).restrict(MINA_DEFAULT));
    }

    @Test
    void noPinnedKeyAllowsEveryPlainKeyButNoCertificate() {
        assertEquals("ecdsa-sha2-nistp256,ecdsa-sha2-nistp384,ssh-ed25519,rsa-sha2-512,rsa-sha2-256,ssh-rsa",
                HostKeyTypes.ANY.restrict(MINA_DEFAULT));
    }

    @Test
    void theTypesAServerOffersAreListedOnceEachInItsOrder() {
        assertEquals(List.of("ssh-rsa", "ecdsa-sha2-nistp256", "ssh-ed25519"),
                HostKeyTypes.ANY.offeredIn("rsa-sha2-512,rsa-sha2-256,ecdsa-sha2-nistp256,ssh-ed25519"));
    }

    @Test
    void aServerOfferingNoPinnedTypeLeavesNothingToNegotiate() {
        assertEquals("", HostKeyTypes.of(List.of("ssh-ed25519 AAAA")).restrict("rsa-sha2-512,ecdsa-sha2-nistp256"));
    }
}

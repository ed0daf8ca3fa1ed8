package com.shellguard.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HostKeyCheckTest {

    private static final String KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIF/9gnU2nnmnlz3tI+TaJcd5l2Y+VslHJvuTsP8MFlAQ";
    private static final String OTHER = "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBHxWfR3"
            + "gSB2BCUHclGGHJ2PXCGRbs1GqyeCWp8OAFbAn2SoPNYhA3xeHEfZjhVNzRPmyJQFXsb2nCI3vRiHtSIg=";

    @Test
    void theFirstKeySeenIsPinned() {
        HostKeyCheck check = HostKeyCheck.of("web01", null, KEY);
        assertEquals(HostKeyCheck.Outcome.PIN_FIRST_SEEN, check.outcome());
        assertTrue(check.trusted());
    }

    @Test
    void thePinnedKeyIsTrustedWhateverItsComment() {
        assertEquals(HostKeyCheck.Outcome.MATCHES, HostKeyCheck.of("web01", KEY + " root@web01", KEY).outcome());
    }

    @Test
    void aChangedKeyIsRefusedWithBothFingerprints() {
        HostKeyCheck check = HostKeyCheck.of("web01", KEY, OTHER);
        assertFalse(check.trusted());
        assertTrue(check.message().startsWith("host key for server web01 has changed"), check.message());
        assertTrue(check.message().contains("ssh-ed25519 SHA256:") && check.message().contains("ecdsa-sha2-nistp256 SHA256:"),
                check.message());
        assertTrue(check.message().endsWith("refusing to connect"));
    }
}

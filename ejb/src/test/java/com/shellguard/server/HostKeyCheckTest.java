package com.shellguard.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HostKeyCheckTest {

    /** Made with ssh-keygen, which printed the fingerprints used below. */
    private static final String KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGMfyZ7uuwd3nWKr5V2Y3PXkeAAGQjL2ihDhNxQOno/i";
    private static final String OTHER = "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBCCK84ClA880bV"
            + "UHcyOFn95QL8tB5t9pAr8E5N9d4Kj2N07zfpLpH8C3/lg42utZ/L4hSDp1EgObT4xkwA33/3c=";

    @Test
    void theFirstKeySeenIsPinnedAndTrusted() {
        HostKeyCheck check = HostKeyCheck.of("web01", null, KEY + " root@web01");
        assertEquals(HostKeyCheck.Outcome.PIN_FIRST_SEEN, check.outcome());
        assertTrue(check.trusted());
        assertEquals(KEY, check.presented().toString(), "the comment is not pinned");
    }

    @Test
    void thePinnedKeyIsTrustedWhateverItsComment() {
        HostKeyCheck check = HostKeyCheck.of("web01", KEY + " root@web01", KEY + " other comment");
        assertEquals(HostKeyCheck.Outcome.MATCHES, check.outcome());
        assertTrue(check.trusted());
    }

    @Test
    void aChangedKeyIsRefusedNamingTheServerAndBothFingerprints() {
        HostKeyCheck check = HostKeyCheck.of("web01", KEY, OTHER);
        assertFalse(check.trusted());
        assertEquals("host key for server web01 has changed (expected ssh-ed25519 SHA256:4gS867l8xIKiY+VsnTILyObysz+f14INnvG8iXG4nJc, "
                + "got ecdsa-sha2-nistp256 SHA256:R3jhLMPGfK2hUy+YD/e4DF/GqMGN3Y4jDv/d2rnzPF0): refusing to connect", check.message());
    }

    @Test
    void aKeyThatIsNotAValidPublicKeyIsNeverPinned() {
        assertThrows(IllegalArgumentException.class, () -> HostKeyCheck.of("web01", null, "ssh-ed25519 AAAA"));
    }
}

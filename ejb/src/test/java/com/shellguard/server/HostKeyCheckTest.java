package com.shellguard.server;

import static com.shellguard.openssh.KnownKeys.ECDSA_256;
import static com.shellguard.openssh.KnownKeys.ED25519;
import static com.shellguard.openssh.KnownKeys.RSA_2048;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shellguard.openssh.SshPublicKey;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostKeyCheckTest {

    private static final SshPublicKey KEY = SshPublicKey.parse(ED25519 + " root@web01");
    private static final SshPublicKey ECDSA = SshPublicKey.parse(ECDSA_256);
    private static final SshPublicKey RSA = SshPublicKey.parse(RSA_2048);

    @Test
    void everyKeyProvenOnFirstContactIsPinnedAndTrusted() {
        HostKeyCheck check = HostKeyCheck.of("web01", List.of(), List.of(ECDSA, KEY, RSA));
        assertEquals(HostKeyCheck.Outcome.PIN_FIRST_SEEN, check.outcome());
        assertTrue(check.trusted());
        assertEquals(List.of(ECDSA, KEY, RSA), check.presented());
        assertTrue(check.message().contains("ssh-ed25519 SHA256:4gS867l8xIKiY+VsnTILyObysz+f14INnvG8iXG4nJc"), check.message());
        assertEquals(ED25519, KEY.toString(), "the comment is not pinned");
    }

    @Test
    void aKeyThatIsOneOfThePinnedKeysIsTrusted() {
        assertEquals(HostKeyCheck.Outcome.MATCHES, HostKeyCheck.of("web01", List.of(RSA, KEY), List.of(KEY)).outcome());
        assertEquals(HostKeyCheck.Outcome.MATCHES, HostKeyCheck.of("web01", List.of(RSA, KEY), List.of(RSA, KEY)).outcome());
    }

    @Test
    void aChangedKeyIsRefusedNamingTheServerAndThePinnedKeyOfItsType() {
        HostKeyCheck check = HostKeyCheck.of("web01", List.of(KEY, RSA), List.of(ECDSA));
        assertFalse(check.trusted());
        assertEquals("host key for server web01 has changed (expected ssh-ed25519 SHA256:4gS867l8xIKiY+VsnTILyObysz+f14INnvG8iXG4nJc, "
                + "ssh-rsa SHA256:RuyQ0YfE/trY+A+3MQwhc5H3ECP6rKa5WrCpxpTSLTM, got ecdsa-sha2-nistp256 "
                + "SHA256:R3jhLMPGfK2hUy+YD/e4DF/GqMGN3Y4jDv/d2rnzPF0): refusing to connect", check.message());
        HostKeyCheck sameType = HostKeyCheck.of("web01", List.of(ECDSA, RSA), List.of(SshPublicKey.parse(
                "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBCCK84ClA880bVUHcyOFn95QL8tB5t9pAr8E5N9d4Kj2N07zfpLpH8C3/lg42utZ/L4hSDp1EgObT4xkwA33/3c=")));
        assertTrue(sameType.trusted());
    }

    @Test
    void oneUnpinnedKeyAmongPinnedOnesIsAChange() {
        HostKeyCheck check = HostKeyCheck.of("web01", List.of(KEY), List.of(KEY, ECDSA));
        assertEquals(HostKeyCheck.Outcome.CHANGED, check.outcome());
        assertTrue(check.message().contains("got ecdsa-sha2-nistp256"), check.message());
    }
}

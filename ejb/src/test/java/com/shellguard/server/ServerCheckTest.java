package com.shellguard.server;

import static com.shellguard.openssh.KnownKeys.ECDSA_256;
import static com.shellguard.openssh.KnownKeys.ED25519;
import static com.shellguard.openssh.KnownKeys.RSA_2048;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shellguard.openssh.SshPublicKey;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerCheckTest {

    private static final String VERSION = "SSH-2.0-OpenSSH_9.2p1";
    private static final SshPublicKey EDDSA = SshPublicKey.parse(ED25519);
    private static final SshPublicKey ECDSA = SshPublicKey.parse(ECDSA_256);
    private static final SshPublicKey RSA = SshPublicKey.parse(RSA_2048);
    private static final SshPublicKey OTHER_EDDSA = SshPublicKey.parse(
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIE3RIMARU7mDed9AqMwlIwNBjqKyN24B2/boHToRbUCo");

    @Test
    void aServerWhoseKeysOfThePinnedTypeArePinnedMatchesThoughItHoldsOthers() {
        ServerCheck check = ServerCheck.compare("web01", VERSION, List.of(EDDSA), List.of(ECDSA, EDDSA, RSA));
        assertEquals(ServerCheck.Status.MATCHES, check.status(), check.message());
        assertEquals(EDDSA.toString(), check.hostKey());
        assertEquals(3, check.hostKeys().size());
    }

    @Test
    void withNothingPinnedEveryProvenKeyIsListedForTheFirstSessionToPin() {
        ServerCheck check = ServerCheck.compare("web01", VERSION, List.of(), List.of(ECDSA, EDDSA));
        assertEquals(ServerCheck.Status.NOT_PINNED, check.status());
        assertTrue(check.message().contains(ECDSA.fingerprint()) && check.message().contains(EDDSA.fingerprint()), check.message());
    }

    @Test
    void anotherKeyOfAPinnedTypeIsAChangeNamingItsFingerprint() {
        ServerCheck check = ServerCheck.compare("web01", VERSION, List.of(OTHER_EDDSA, RSA), List.of(EDDSA, RSA));
        assertEquals(ServerCheck.Status.CHANGED, check.status());
        assertEquals(EDDSA.fingerprint(), check.fingerprint());
        assertTrue(check.message().contains("expected ssh-ed25519 " + OTHER_EDDSA.fingerprint()), check.message());
    }

    @Test
    void aServerOfferingNoPinnedTypeIsAChange() {
        ServerCheck check = ServerCheck.compare("web01", VERSION, List.of(EDDSA), List.of(ECDSA));
        assertEquals(ServerCheck.Status.CHANGED, check.status());
        assertTrue(check.message().contains("no key of the pinned types (ssh-ed25519)"), check.message());
    }
}

package com.shellguard.openssh;

import static com.shellguard.openssh.KnownKeys.ECDSA_256;
import static com.shellguard.openssh.KnownKeys.ED25519;
import static com.shellguard.openssh.KnownKeys.RSA_2048;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class HostKeyLinesTest {

    @Test
    void oneKeyWithACommentIsOneKey() {
        assertEquals(List.of(SshPublicKey.parse(ED25519)), HostKeyLines.parse("hostKey", ED25519 + " root@web01"));
    }

    @Test
    void sshKeyscanOutputIsReadAsPastedWithItsCommentLines() {
        String keyscan = "# 10.0.0.5:22 SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\n"
                + "10.0.0.5 " + RSA_2048 + "\n"
                + "# 10.0.0.5:22 SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\n"
                + "10.0.0.5 " + ECDSA_256 + "\r\n"
                + "\n"
                + "[10.0.0.5]:2222 " + ED25519 + "\n";
        assertEquals(List.of(SshPublicKey.parse(RSA_2048), SshPublicKey.parse(ECDSA_256), SshPublicKey.parse(ED25519)),
                HostKeyLines.parse("hostKey", keyscan));
    }

    @Test
    void aHashedKnownHostsLineIsRead() {
        assertEquals(List.of(SshPublicKey.parse(ED25519)),
                HostKeyLines.parse("hostKeys[0]", "|1|F1E1KeoE/eEWhi10WpGv4OdiO6Y=|3988QV0VE8wmZL7suNrYQLITLCg= " + ED25519));
    }

    @Test
    void aKeyGivenTwiceIsPinnedOnce() {
        assertEquals(1, HostKeyLines.parse("hostKey", ED25519 + "\nweb01 " + ED25519 + " again").size());
    }

    @Test
    void aBadLineIsRefusedNamingTheFieldAndTheLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HostKeyLines.parse("hostKey", ED25519 + "\nweb01 ssh-ed25519 notbase64!!"));
        assertTrue(e.getMessage().startsWith("hostKey line 2 is not an OpenSSH host key"), e.getMessage());
    }

    @Test
    void aMarkedLineAndAnEmptyTextPinNothingAndAreRefused() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> HostKeyLines.parse("hostKey", "@revoked * " + ED25519))
                .getMessage().contains("@revoked"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> HostKeyLines.parse("hostKey", "# only a comment\n"))
                .getMessage().contains("holds no key"));
    }

    @Test
    void aKnownHostsFileWithOtherHostsKeysIsRefusedNotPinnedForThisServer() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HostKeyLines.parse("hostKeys[0]", "web01 " + ED25519 + "\nevil.example.com " + ECDSA_256));
        assertTrue(e.getMessage().contains("not a known_hosts file"), e.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> HostKeyLines.parse("hostKey", "*.example.com " + ED25519))
                .getMessage().contains("names no one server"));
    }

    @Test
    void linesNamingTheServerByNameAndAddressAreOneServer() {
        assertEquals(2, HostKeyLines.parse("hostKey", "web01,10.0.0.5 " + ED25519 + "\n10.0.0.5 " + RSA_2048).size());
    }
}

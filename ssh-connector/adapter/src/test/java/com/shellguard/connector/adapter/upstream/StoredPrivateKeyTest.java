package com.shellguard.connector.adapter.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StoredPrivateKeyTest {

    @Test
    void anUnprotectedOpensshKeyIsRead() throws Exception {
        assertEquals(1, StoredPrivateKey.read(newKey("ed25519", "")).size());
    }

    @Test
    void aPemRsaKeyIsRead() throws Exception {
        Path dir = Files.createTempDirectory("sg-key");
        KeyscanServer.run("ssh-keygen", "-q", "-t", "rsa", "-b", "2048", "-m", "PEM", "-N", "", "-f", dir.resolve("k").toString());
        assertEquals(1, StoredPrivateKey.read(Files.readString(dir.resolve("k"))).size());
    }

    @Test
    void aKeyProtectedByAPassphraseIsRefusedSayingSo() throws Exception {
        String key = newKey("ed25519", "secret-words");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StoredPrivateKey.read(key));
        assertTrue(e.getMessage().contains("protected by a passphrase"), e.getMessage());
    }

    @Test
    void aBrokenKeyIsRefused() throws Exception {
        String key = newKey("ed25519", "");
        String broken = key.substring(0, key.length() / 2) + "\n-----END OPENSSH PRIVATE KEY-----\n";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StoredPrivateKey.read(broken));
        assertTrue(e.getMessage().contains("cannot be read"), e.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> StoredPrivateKey.read("just text"));
        assertTrue(none.getMessage().contains("no private key"), none.getMessage());
    }

    private static String newKey(String type, String passphrase) throws Exception {
        Path dir = Files.createTempDirectory("sg-key");
        KeyscanServer.run("ssh-keygen", "-q", "-t", type, "-N", passphrase, "-f", dir.resolve("k").toString());
        return Files.readString(dir.resolve("k"));
    }
}

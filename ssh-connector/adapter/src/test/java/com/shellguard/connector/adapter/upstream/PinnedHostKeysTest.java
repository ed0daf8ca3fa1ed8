package com.shellguard.connector.adapter.upstream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.PublicKey;
import java.util.List;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.junit.jupiter.api.Test;

class PinnedHostKeysTest {

    @Test
    void aPinnedKeyIsIncludedWhateverItsComment() throws Exception {
        PublicKey pinned = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256).getPublic();
        PublicKey other = KeyUtils.generateKeyPair(KeyPairProvider.ECDSA_SHA2_NISTP256, 256).getPublic();
        PinnedHostKeys keys = PinnedHostKeys.of(List.of(PublicKeyEntry.toString(other), "  " + PublicKeyEntry.toString(pinned) + " root@web01 "));
        assertTrue(keys.includes(pinned));
        assertTrue(keys.includes(other));
    }

    @Test
    void anotherKeyOfAPinnedTypeIsNot() throws Exception {
        PublicKey pinned = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256).getPublic();
        PublicKey changed = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256).getPublic();
        assertFalse(PinnedHostKeys.of(List.of(PublicKeyEntry.toString(pinned))).includes(changed));
    }

    @Test
    void noKeyIsIncludedWhereNoneIsPinned() throws Exception {
        PublicKey proven = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256).getPublic();
        assertFalse(PinnedHostKeys.of(List.of()).includes(proven));
    }
}

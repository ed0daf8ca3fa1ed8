package com.shellguard.server;

import static com.shellguard.openssh.KnownKeys.ECDSA_256;
import static com.shellguard.openssh.KnownKeys.ED25519;
import static com.shellguard.openssh.KnownKeys.RSA_2048;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shellguard.openssh.SshPublicKey;
import java.lang.reflect.Field;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerTest {

    private static final OffsetDateTime MONDAY = OffsetDateTime.parse("2026-12-07T08:00:00Z");
    private static final OffsetDateTime TUESDAY = MONDAY.plusDays(1);
    private static final SshPublicKey EDDSA = SshPublicKey.parse(ED25519);
    private static final SshPublicKey ECDSA = SshPublicKey.parse(ECDSA_256);
    private static final SshPublicKey RSA = SshPublicKey.parse(RSA_2048);

    @Test
    void pinnedKeysAreListedEd25519FirstThenEcdsaThenRsa() {
        Server server = new Server("web01", MONDAY);
        server.pinHostKeys(List.of(RSA, ECDSA, EDDSA), MONDAY);
        assertEquals(List.of(EDDSA, ECDSA, RSA), server.pinnedKeys());
        assertEquals(ED25519, server.getHostKey());
    }

    @Test
    void replacingThePinnedKeysKeepsTheTimeOfThoseThatStay() {
        Server server = new Server("web01", MONDAY);
        server.pinHostKeys(List.of(EDDSA, RSA), MONDAY);
        server.replaceHostKeys(List.of(EDDSA, ECDSA), TUESDAY);
        assertEquals(List.of(EDDSA, ECDSA), server.pinnedKeys());
        assertEquals(MONDAY, server.getHostKeys().get(0).getPinnedAt());
        assertEquals(TUESDAY, server.getHostKeys().get(1).getPinnedAt());
        server.forgetHostKeys();
        assertNull(server.getHostKey());
    }

    @Test
    void anEarlierVersionsSingleHostKeyBecomesTheOnlyPinnedKey() throws Exception {
        Server server = new Server("web01", MONDAY);
        // as JPA fills the entity from a row an earlier version wrote
        set(server, "legacyHostKey", ED25519 + " root@web01");
        set(server, "legacyHostKeyPinnedAt", MONDAY);
        assertTrue(server.migrateLegacyHostKey());
        assertEquals(List.of(EDDSA), server.pinnedKeys());
        assertEquals(MONDAY, server.getHostKeyPinnedAt());
        assertFalse(server.migrateLegacyHostKey(), "migrated once");
    }

    private static void set(Server server, String field, Object value) throws ReflectiveOperationException {
        Field f = Server.class.getDeclaredField(field);
        f.setAccessible(true);
        f.set(server, value);
    }
}

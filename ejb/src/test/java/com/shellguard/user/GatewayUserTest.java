package com.shellguard.user;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class GatewayUserTest {

    private static final String KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGMfyZ7uuwd3nWKr5V2Y3PXkeAAGQjL2ihDhNxQOno/i";
    private static final String OTHER_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIF/9gnU2nnmnlz3tI+TaJcd5l2Y+VslHJvuTsP8MFlAQ";

    @Test
    void aRegisteredKeyIsAcceptedWhateverCommentTheClientSends() {
        GatewayUser alice = new GatewayUser("alice", OffsetDateTime.now());
        alice.setPublicKeys(List.of(KEY + " alice@laptop"));
        assertTrue(alice.acceptsKey(KEY));
        assertFalse(alice.acceptsKey(OTHER_KEY));
    }

    @Test
    void aKeyOnlyAccountAcceptsNoPassword() {
        GatewayUser bot = new GatewayUser("deploy-bot", OffsetDateTime.now());
        assertFalse(bot.acceptsPassword(""));
        assertFalse(bot.acceptsPassword("anything-at-all"));
    }

    @Test
    void aDisabledAccountAcceptsNeitherItsPasswordNorItsKey() {
        GatewayUser alice = new GatewayUser("alice", OffsetDateTime.now());
        alice.changePassword("correct horse battery");
        alice.setPublicKeys(List.of(KEY));
        assertTrue(alice.acceptsPassword("correct horse battery"));
        alice.setEnabled(false);
        assertFalse(alice.acceptsPassword("correct horse battery"));
        assertFalse(alice.acceptsKey(KEY));
    }

    @Test
    void changingThePasswordOrTheRoleChangesTheCredentialStamp() {
        GatewayUser alice = new GatewayUser("alice", OffsetDateTime.now());
        alice.changePassword("first password");
        String before = alice.credentialStamp();
        alice.changePassword("second password");
        assertNotEquals(before, alice.credentialStamp());
        String withUserRole = alice.credentialStamp();
        alice.setRole(Role.ADMIN);
        assertNotEquals(withUserRole, alice.credentialStamp());
    }
}

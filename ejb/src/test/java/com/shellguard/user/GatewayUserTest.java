package com.shellguard.user;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
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

    @Test
    void aFederatedAccountBelongsToThePersonOfItsFirstSignOnUntilUnbound() {
        GatewayUser ulla = new GatewayUser("ulla", OffsetDateTime.now());
        ulla.becomeFederatedAccount();
        assertTrue(ulla.bindSignOn("https://idp/realms/a", "subject-1"), "unbound: the first sign-on binds it");
        assertTrue(ulla.bindSignOn("https://idp/realms/a", "subject-1"));
        assertFalse(ulla.bindSignOn("https://idp/realms/a", "subject-2"), "a re-created ulla at the provider");
        assertFalse(ulla.bindSignOn("https://other/realms/a", "subject-1"), "the same subject of another issuer");
        ulla.unbindSignOn();
        assertTrue(ulla.bindSignOn("https://idp/realms/a", "subject-2"));
        assertFalse(ulla.bindSignOn("https://idp/realms/a", "subject-1"));
    }

    @Test
    void theKeyWindowIsMeasuredWithTheSettingAsItIsNow() {
        OffsetDateTime signedOn = OffsetDateTime.parse("2026-12-07T08:00:00Z");
        GatewayUser ulla = new GatewayUser("ulla", signedOn);
        ulla.becomeFederatedAccount();
        assertFalse(ulla.keysAcceptedAt(signedOn.plusMinutes(1), Duration.ofHours(24)), "never signed on over SSH");
        ulla.signedOnOverSsh(signedOn);
        assertTrue(ulla.keysAcceptedAt(signedOn.plusHours(3), Duration.ofHours(24)));
        assertFalse(ulla.keysAcceptedAt(signedOn.plusHours(3), Duration.ofHours(1)), "a lowered setting closes it");
        assertFalse(ulla.keysAcceptedAt(signedOn.plusMinutes(1), Duration.ZERO), "switched off");
        ulla.unbindSignOn();
        assertFalse(ulla.keysAcceptedAt(signedOn.plusMinutes(1), Duration.ofHours(24)), "unbinding closes it");
    }
}

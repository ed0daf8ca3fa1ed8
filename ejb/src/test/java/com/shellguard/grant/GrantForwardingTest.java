package com.shellguard.grant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shellguard.connector.api.ForwardDestination;
import com.shellguard.connector.api.ForwardKind;
import com.shellguard.connector.api.ForwardingPolicy;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GrantForwardingTest {

    private static ForwardingPolicy policy(GrantRule... rules) {
        return GrantResolver.forwarding(List.of(rules), "alice", Set.of("ops"), "web01", Set.of("prod"), "root");
    }

    private static GrantRule grant(Set<String> forwarding, List<String> forwardTo) {
        return new GrantRule("alice", null, "web01", null, List.of("root"), forwarding, forwardTo);
    }

    @Test
    void aGrantWithoutForwardingRefusesEveryKindNamingIt() {
        ForwardingPolicy none = policy(new GrantRule("alice", null, "web01", null, List.of("root")));
        assertEquals("ShellGuard grant for alice on web01 has no local forwarding",
                none.refusal(ForwardKind.LOCAL, "127.0.0.1", 80, "alice", "web01"));
        assertEquals("ShellGuard grant for alice on web01 has no remote forwarding",
                none.refusal(ForwardKind.REMOTE, "localhost", 9000, "alice", "web01"));
    }

    @Test
    void theDefaultDestinationIsTheTargetsLoopbackOnEveryPort() {
        ForwardingPolicy local = policy(grant(Set.of("local"), null));
        assertNull(local.refusal(ForwardKind.LOCAL, "127.0.0.1", 5432, "alice", "web01"));
        assertEquals("ShellGuard grant for alice on web01 does not allow local forwarding to 10.0.0.9:5432"
                + " (forwardTo: 127.0.0.1:*)", local.refusal(ForwardKind.LOCAL, "10.0.0.9", 5432, "alice", "web01"));
    }

    @Test
    void dynamicAndLocalAllowTheSameChannelsSinceTheWireCannotTellThemApart() {
        assertNull(policy(grant(Set.of("dynamic"), null)).refusal(ForwardKind.LOCAL, "127.0.0.1", 80, "alice", "web01"));
        assertTrue(policy(grant(Set.of("dynamic"), null)).refusal(ForwardKind.REMOTE, "127.0.0.1", 80, "alice", "web01")
                .contains("has no remote forwarding"));
    }

    @Test
    void aRemoteForwardsListenAddressIsCheckedWithLocalhostReadAsLoopback() {
        ForwardingPolicy remote = policy(grant(Set.of("remote"), null));
        assertNull(remote.refusal(ForwardKind.REMOTE, "localhost", 9000, "alice", "web01"));
        assertTrue(remote.refusal(ForwardKind.REMOTE, "", 9000, "alice", "web01").contains("on 0.0.0.0:9000"));
    }

    @Test
    void oneGrantsDestinationsDoNotWidenAnotherGrantsKinds() {
        ForwardingPolicy two = policy(grant(Set.of("local"), List.of("127.0.0.1:*")), grant(Set.of("remote"), List.of("*:*")));
        assertTrue(two.refusal(ForwardKind.LOCAL, "10.0.0.9", 22, "alice", "web01").contains("forwardTo: 127.0.0.1:*"));
        assertNull(two.refusal(ForwardKind.REMOTE, "0.0.0.0", 22, "alice", "web01"));
    }

    @Test
    void grantsForOtherLoginsOrServersGiveNoForwarding() {
        GrantRule otherLogin = new GrantRule("alice", null, "web01", null, List.of("deploy"), Set.of("local"), null);
        GrantRule otherServer = new GrantRule("alice", null, "db01", null, List.of("root"), Set.of("local"), null);
        assertTrue(policy(otherLogin, otherServer).allowances().isEmpty());
    }

    @Test
    void destinationPatternsTakeHostGlobsPortsAndBracketedAddresses() {
        assertTrue(ForwardDestination.parse("*.internal:443").matches("db.internal", 443));
        assertFalse(ForwardDestination.parse("*.internal:443").matches("db.evil.internal", 443));
        assertTrue(ForwardDestination.parse("10.0.0.*:5432").matches("10.0.0.7", 5432));
        assertFalse(ForwardDestination.parse("10.0.0.*:5432").matches("10.0.0.1.attacker.example", 5432),
                "a name that merely starts like an allowed address could resolve anywhere");
        assertTrue(ForwardDestination.parse("*:*").matches("anything.example", 1));
        assertTrue(ForwardDestination.parse("DB01:*").matches("db01", 5432));
        assertTrue(ForwardDestination.parse("[::1]:22").matches("::1", 22));
        assertEquals("127.0.0.1:*", ForwardDestination.parse(" 127.0.0.1:* ").toString());
        assertTrue(!ForwardDestination.parse("db01:5432").matches("db01", 5433));
        assertThrows(IllegalArgumentException.class, () -> ForwardDestination.parse("db01"));
        assertThrows(IllegalArgumentException.class, () -> ForwardDestination.parse("db01:0"));
        assertThrows(IllegalArgumentException.class, () -> ForwardDestination.parse("db 01:22"));
    }
}

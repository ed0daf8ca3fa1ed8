package com.shellguard.grant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class GrantResolverTest {

    private static final List<GrantRule> RULES = List.of(
            new GrantRule("alice", null, "web01", null, List.of("root")),
            new GrantRule(null, "ops", null, "prod", List.of("deploy")),
            new GrantRule("bob", null, "db01", null, List.of("postgres")));

    @Test
    void aUserGrantAppliesToThatUserOnThatServer() {
        assertEquals(Set.of("root"), GrantResolver.logins(RULES, "alice", Set.of(), "web01", Set.of()));
        assertTrue(GrantResolver.logins(RULES, "alice", Set.of(), "db01", Set.of()).isEmpty());
    }

    @Test
    void aGroupGrantByLabelAppliesToEveryMemberOnEveryLabelledServer() {
        assertEquals(Set.of("deploy"), GrantResolver.logins(RULES, "carol", Set.of("ops"), "api07", Set.of("prod")));
        assertTrue(GrantResolver.logins(RULES, "carol", Set.of("dev"), "api07", Set.of("prod")).isEmpty());
        assertTrue(GrantResolver.logins(RULES, "carol", Set.of("ops"), "api07", Set.of("staging")).isEmpty());
    }

    @Test
    void loginsFromSeveralGrantsAddUp() {
        assertEquals(Set.of("deploy", "root"), GrantResolver.logins(RULES, "alice", Set.of("ops"), "web01", Set.of("prod")));
    }

    @Test
    void theTargetsAreEveryServerWithAGrantedLoginInNameOrder() {
        Map<String, Set<String>> labelsByServer = Map.of("web01", Set.of(), "api07", Set.of("prod"), "db01", Set.of(),
                "api02", Set.of("prod"));
        SortedMap<String, SortedSet<String>> targets = GrantResolver.loginsByServer(RULES, "alice", Set.of("ops"), labelsByServer);
        assertEquals(List.of("api02", "api07", "web01"), List.copyOf(targets.keySet()));
        assertEquals(Set.of("deploy"), targets.get("api07"));
        assertEquals(Set.of("root"), targets.get("web01"));
    }

    @Test
    void theOnlyGrantedLoginIsChosenWhenNoneIsNamed() {
        assertEquals("root", GrantResolver.chooseLogin(new TreeSet<>(Set.of("root")), "alice", "web01", null));
    }

    @Test
    void aNamedLoginMustBeGranted() {
        AccessRefused e = assertThrows(AccessRefused.class,
                () -> GrantResolver.chooseLogin(new TreeSet<>(Set.of("deploy")), "alice", "web01", "root"));
        assertEquals("alice may not log in as root on web01", e.getMessage());
    }

    @Test
    void severalLoginsWithoutANamedOneAskTheUserToChoose() {
        SortedSet<String> granted = new TreeSet<>(Set.of("root", "deploy"));
        AccessRefused e = assertThrows(AccessRefused.class, () -> GrantResolver.chooseLogin(granted, "alice", "web01", null));
        assertEquals("alice has several logins on web01 (deploy, root): use alice@LOGIN@web01", e.getMessage());
    }

    @Test
    void noGrantAtAllIsSaidPlainly() {
        AccessRefused e = assertThrows(AccessRefused.class, () -> GrantResolver.chooseLogin(new TreeSet<>(), "alice", "web01", "root"));
        assertEquals("alice has no access to web01", e.getMessage());
    }
}

package com.shellguard.connector.adapter.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TargetSelectorTest {

    @Test
    void aBareUserNameAsksForTheMenu() {
        TargetSelector s = TargetSelector.parse("alice");
        assertEquals("alice", s.user());
        assertNull(s.server());
        assertNull(s.login());
        assertFalse(s.namesServer());
    }

    @Test
    void userAtServerLeavesTheLoginToTheGrant() {
        TargetSelector s = TargetSelector.parse("alice@web01");
        assertEquals("alice", s.user());
        assertEquals("web01", s.server());
        assertNull(s.login());
        assertTrue(s.namesServer());
    }

    @Test
    void userAtLoginAtServerNamesAll() {
        TargetSelector s = TargetSelector.parse("alice@root@web01.example.com");
        assertEquals("alice", s.user());
        assertEquals("root", s.login());
        assertEquals("web01.example.com", s.server());
    }

    @Test
    void moreThanThreePartsAreRefusedWithTheAcceptedForms() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TargetSelector.parse("a@b@c@d"));
        assertTrue(e.getMessage().contains("USER@LOGIN@SERVER"), e.getMessage());
    }

    @Test
    void emptyPartsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> TargetSelector.parse("alice@@web01"));
        assertThrows(IllegalArgumentException.class, () -> TargetSelector.parse("alice@"));
        assertThrows(IllegalArgumentException.class, () -> TargetSelector.parse(""));
    }

    @Test
    void shellMetacharactersAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> TargetSelector.parse("alice;rm -rf"));
        assertThrows(IllegalArgumentException.class, () -> TargetSelector.parse("alice@root@web01 x"));
    }

    @Test
    void aChosenTargetKeepsTheUser() {
        TargetSelector chosen = TargetSelector.parse("alice").withTarget("deploy", "db01");
        assertEquals(new TargetSelector("alice", "deploy", "db01"), chosen);
    }
}

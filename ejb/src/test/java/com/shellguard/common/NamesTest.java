package com.shellguard.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NamesTest {

    @Test
    void ordinaryNamesPass() {
        assertEquals("web01.example.com", Names.require("name", "web01.example.com"));
        assertEquals("Deploy_2", Names.require("login", "Deploy_2"));
        assertEquals("alice.b_2-x", Names.requireUsername("username", "alice.b_2-x"));
    }

    @Test
    void anAtSignIsRefusedBecauseItSeparatesUserLoginAndServer() {
        ValidationException e = assertThrows(ValidationException.class, () -> Names.requireUsername("username", "a@b"));
        assertTrue(e.getMessage().startsWith("username \"a@b\" may contain only"), e.getMessage());
        assertThrows(ValidationException.class, () -> Names.require("name", "web@01"));
    }

    @Test
    void aMissingNameIsNamedInTheError() {
        assertEquals("username is required", assertThrows(ValidationException.class, () -> Names.requireUsername("username", " ")).getMessage());
        assertEquals("name is required", assertThrows(ValidationException.class, () -> Names.require("name", null)).getMessage());
    }

    @Test
    void userNamesAreLowerCaseSoNoTwoPeopleDifferOnlyByCase() {
        assertThrows(ValidationException.class, () -> Names.requireUsername("username", "Alice"));
        assertThrows(ValidationException.class, () -> Names.requireUsername("username", "alice+work"));
    }

    @Test
    void shellMetacharactersSpacesAndLeadingDashesAreRefused() {
        assertThrows(ValidationException.class, () -> Names.require("name", "x;rm"));
        assertThrows(ValidationException.class, () -> Names.require("name", "two words"));
        assertThrows(ValidationException.class, () -> Names.require("name", "-oProxyCommand"));
        assertThrows(ValidationException.class, () -> Names.requireUsername("username", "-alice"));
    }

    @Test
    void namesLongerThan128CharactersAreRefused() {
        assertEquals(128, Names.requireUsername("username", "a".repeat(128)).length());
        assertThrows(ValidationException.class, () -> Names.requireUsername("username", "a".repeat(129)));
    }
}

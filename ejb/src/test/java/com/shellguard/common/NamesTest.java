package com.shellguard.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NamesTest {

    @Test
    void ordinaryNamesPass() {
        assertEquals("web01.example.com", Names.require("name", "web01.example.com"));
        assertEquals("alice_b-2", Names.require("username", "alice_b-2"));
    }

    @Test
    void anAtSignIsRefusedBecauseItSeparatesUserLoginAndServer() {
        ValidationException e = assertThrows(ValidationException.class, () -> Names.require("username", "a@b"));
        assertTrue(e.getMessage().startsWith("username \"a@b\""), e.getMessage());
    }

    @Test
    void aMissingNameIsNamedInTheError() {
        assertEquals("username is required", assertThrows(ValidationException.class, () -> Names.require("username", " ")).getMessage());
    }

    @Test
    void shellMetacharactersAndLeadingDashesAreRefused() {
        assertThrows(ValidationException.class, () -> Names.require("name", "x;rm"));
        assertThrows(ValidationException.class, () -> Names.require("name", "-oProxyCommand"));
    }
}

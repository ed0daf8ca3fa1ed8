package com.shellguard.connector.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The cut mark is read only where the exec guard and the supervisor put it: alone at the very end of the text. */
class ArgvCutTest {

    @Test
    void theMarkAtTheEndOfATextIsRead() {
        assertEquals(Optional.of(new ArgvCut("the supervisor", 20002, 1300000)),
                ArgvCut.in("/bin/echo a b [cut by the supervisor: 20002 arguments, 1300000 bytes in all]"));
        assertEquals(Optional.of(new ArgvCut("the exec guard", 3, 300000)),
                ArgvCut.in("[cut by the exec guard: 3 arguments, 300000 bytes in all]"), "no argument fitted");
    }

    @Test
    void anythingElseIsAWholeText() {
        assertTrue(ArgvCut.in("/bin/echo '[cut by the supervisor: 2 arguments, 20 bytes in all]'").isEmpty(), "quoted: an argument");
        assertTrue(ArgvCut.in("/bin/echo x[cut by the supervisor: 2 arguments, 20 bytes in all]").isEmpty(), "part of a word");
        assertTrue(ArgvCut.in("/bin/echo [cut by the supervisor: 2 arguments, 20 bytes in all] x").isEmpty(), "not at the end");
        assertTrue(ArgvCut.in("/bin/echo [cut by someone: 2 arguments, 20 bytes in all]").isEmpty(), "not a layer's");
        assertTrue(ArgvCut.in("/bin/echo [cut by the supervisor: 2 arguments, 99999999999999999999 bytes in all]").isEmpty());
        assertTrue(ArgvCut.in(null).isEmpty());
    }
}

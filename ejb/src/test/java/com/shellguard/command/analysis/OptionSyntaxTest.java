package com.shellguard.command.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OptionSyntaxTest {

    private static final OptionSyntax TIMEOUT_LIKE = OptionSyntax.arguments("sk", "signal", "kill-after").attachedArguments("i");

    @Test
    void optionsThatTakeAnArgumentTakeTheNextWordOrTheRestOfTheirCluster() {
        ParsedOptions parsed = TIMEOUT_LIKE.leading(List.of("-vs", "KILL", "-k5", "5", "rm", "-s"));
        assertEquals(Optional.of("KILL"), parsed.value("-s", "--signal"));
        assertEquals(Optional.of("5"), parsed.value("-k"));
        assertTrue(parsed.has("-v"));
        assertEquals(List.of("5", "rm", "-s"), parsed.operands());
    }

    @Test
    void longOptionsTakeTheirArgumentAfterAnEqualsSignOrInTheNextWord() {
        ParsedOptions parsed = TIMEOUT_LIKE.leading(List.of("--signal", "TERM", "--kill-after=3", "--verbose", "cmd"));
        assertEquals(List.of("TERM"), parsed.values("--signal"));
        assertEquals(Optional.of("3"), parsed.value("--kill-after"));
        assertTrue(parsed.has("--verbose"));
        assertEquals(List.of("cmd"), parsed.operands());
    }

    @Test
    void optionalArgumentsAreOnlyEverAttached() {
        ParsedOptions parsed = TIMEOUT_LIKE.leading(List.of("-i", "rm", "{}"));
        assertEquals(Optional.of(""), parsed.value("-i"));
        assertEquals(List.of("rm", "{}"), parsed.operands());
    }

    @Test
    void doubleDashAndTheFirstOperandEndTheOptionsButALoneDashIsAnOperand() {
        assertEquals(List.of("-s", "x"), TIMEOUT_LIKE.leading(List.of("--", "-s", "x")).operands());
        assertEquals(List.of("-", "-v"), TIMEOUT_LIKE.leading(List.of("-", "-v")).operands());
        assertFalse(TIMEOUT_LIKE.leading(List.of("cmd", "-v")).has("-v"));
    }

    @Test
    void permutedOptionsAreFoundAfterOperands() {
        ParsedOptions parsed = OptionSyntax.arguments("c").anywhere(List.of("root", "-c", "id", "extra"));
        assertEquals(Optional.of("id"), parsed.value("-c"));
        assertEquals(List.of("root", "extra"), parsed.operands());
    }

    @Test
    void numericOptionsAreFlagsAndAMissingArgumentIsEmpty() {
        assertTrue(OptionSyntax.FLAGS_ONLY.leading(List.of("-10", "rm")).has("-10"));
        assertEquals(Optional.of(""), TIMEOUT_LIKE.leading(List.of("-s")).value("-s"));
    }
}

package com.shellguard.command.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShellLexerTest {

    /** Tokens as text: words by value, operators in angle brackets. */
    private static List<String> tokens(String code) {
        return ShellLexer.tokenize(code).stream()
            .map(token -> token instanceof ShellWord word ? word.value() : "<" + ((ShellOperator) token).text() + ">")
            .toList();
    }

    private static ShellWord onlyWord(String code) {
        List<ShellToken> tokens = ShellLexer.tokenize(code);
        assertEquals(1, tokens.size(), () -> "tokens of " + code + ": " + tokens);
        return (ShellWord) tokens.get(0);
    }

    @Test
    void quotesGroupBlanksIntoOneWordAndAreRemoved() {
        assertEquals(List.of("rm", "a b", "c d", "e f"), tokens("rm 'a b' \"c d\" e\\ f"));
        assertEquals(List.of("rm"), tokens("\\r'm'"));
        assertEquals(List.of("it's"), tokens("'it'\\''s'"));
    }

    @Test
    void doubleQuotesKeepBackslashesExceptBeforeSpecialCharacters() {
        assertEquals(List.of("a\"b$c\\d\\e"), tokens("\"a\\\"b\\$c\\\\d\\e\""));
    }

    @Test
    void ansiCQuotingIsDecodedSoEscapedCommandNamesAreRecognised() {
        assertEquals("rm", onlyWord("$'\\x72\\155'").value());
        assertEquals("a\nb\tc'", onlyWord("$'a\\nb\\tc\\''").value());
        assertEquals("\u00e9", onlyWord("$'\\u00e9'").value());
    }

    @Test
    void expansionsAreKeptAsWrittenAndMarkedAsExpanding() {
        ShellWord word = onlyWord("\"$HOME\"/${x:-a b}");
        assertEquals("$HOME/${x:-a b}", word.value());
        assertTrue(word.expands());
        assertFalse(onlyWord("'$HOME'").expands());
    }

    @Test
    void commandSubstitutionsNestAndAreCollectedForTheParser() {
        ShellWord word = onlyWord("\"$(echo \"$(rm -rf x)\" ')')\"");
        assertEquals("$(echo \"$(rm -rf x)\" ')')", word.value());
        assertEquals(List.of("echo \"$(rm -rf x)\" ')'"), word.substitutions());
    }

    @Test
    void backquotesProcessSubstitutionsArithmeticAndParameterDefaultsAllCarryTheirCommands() {
        assertEquals(List.of("rm a"), onlyWord("`rm a`").substitutions());
        assertEquals(List.of("tee log"), onlyWord(">(tee log)").substitutions());
        assertEquals(List.of("rm b"), onlyWord("$((1 + $(rm b)))").substitutions());
        assertEquals(List.of("rm c"), onlyWord("${x:-$(rm c)}").substitutions());
        assertEquals(List.of("rm d"), onlyWord("arr=(one $(rm d))").substitutions());
    }

    @Test
    void operatorsAreSplitOffEvenWithoutBlanks() {
        assertEquals(List.of("a", "<&&>", "b", "<||>", "c", "<;>", "d", "<|>", "e", "<&>"), tokens("a&&b||c;d|e&"));
        assertEquals(List.of("cmd", "<2>>>", "err", "<&>>>", "all", "<<<<>", "word", "<{fd}>&>", "-"),
            tokens("cmd 2>>err &>>all <<<word {fd}>&-"));
    }

    @Test
    void aCaseInsideASubstitutionDoesNotEndItAtAPatternsParenthesis() {
        assertEquals(List.of("case x in a) rm y;; esac"), onlyWord("$(case x in a) rm y;; esac)").substitutions());
        assertEquals(List.of("echo case"), ShellLexer.tokenize("echo $(echo case) z").stream()
            .filter(ShellWord.class::isInstance).map(t -> (ShellWord) t).filter(w -> w.raw().startsWith("$"))
            .findFirst().orElseThrow().substitutions());
    }

    @Test
    void commentsAndHereDocumentBodiesAreNotCode() {
        assertEquals(List.of("ls"), tokens("ls # rm -rf /"));
        assertEquals(List.of("cat", "<<<>", "EOF", "<\n>", "ls"), tokens("cat <<EOF\nrm -rf /\nEOF\nls"));
        assertEquals(List.of("cat", "<<<->", "END", "<\n>", "ls"), tokens("cat <<-'END'\n\trm x\n\tEND\nls"));
        assertEquals(List.of("echo", "a#b"), tokens("echo a#b"));
    }

    @Test
    void arithmeticCommandsAreOneWordButNestedSubshellsAreNot() {
        assertEquals(List.of("((i++))"), tokens("((i++))"));
        assertEquals(List.of("<(>", "<(>", "cd", "x", "<)>", "<)>"), tokens("((cd x) )"));
    }

    @Test
    void unbalancedQuotesAndSubstitutionsAreReadToTheEnd() {
        assertEquals(List.of("echo", "unterminated rm"), tokens("echo 'unterminated rm"));
        assertEquals(List.of("ls -l"), onlyWord("\"$(ls -l").substitutions());
        assertEquals(List.of("x\\"), tokens("x\\"));
    }
}

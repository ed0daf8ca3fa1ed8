package com.shellguard.command.rule;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shellguard.common.ValidationException;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RulePatternsTest {

    private static boolean globMatches(String glob, String text) {
        return Glob.compile(glob).matcher(text).matches();
    }

    private static String refusal(RuleMatch match, String pattern) {
        return assertThrows(ValidationException.class, () -> RulePatterns.compile(match, pattern)).getMessage();
    }

    @Test
    void globsMatchAsBashMatchesThem() {
        assertTrue(globMatches("rm", "rm"));
        assertFalse(globMatches("rm", "rmdir"));
        assertTrue(globMatches("rm*", "rmdir"));
        assertTrue(globMatches("py?hon", "python"));
        assertTrue(globMatches("python[23]", "python3"));
        assertFalse(globMatches("python[!23]", "python3"));
        assertTrue(globMatches("python[^23]", "python4"));
        assertTrue(globMatches("mkfs.[a-z]*", "mkfs.ext4"));
        assertTrue(globMatches("x[[:digit:]]", "x7"));
        assertTrue(globMatches("[]]", "]"));
        assertTrue(globMatches("a\\*", "a*"));
        assertFalse(globMatches("a\\*", "ab"));
        assertTrue(globMatches("/opt/*", "/opt/a/b/c"));
        assertTrue(globMatches("(x)+.$", "(x)+.$"));
    }

    @Test
    void aCommandPatternIsANameOrGlobWithoutSlashOrBlank() {
        RulePatterns.compile(RuleMatch.COMMAND, "rm");
        RulePatterns.compile(RuleMatch.COMMAND, "mkfs.*");
        assertTrue(refusal(RuleMatch.COMMAND, "/bin/rm").contains("path rule"));
        assertTrue(refusal(RuleMatch.COMMAND, "rm -rf").contains("blanks"));
        assertTrue(refusal(RuleMatch.COMMAND, "").contains("required"));
        assertTrue(refusal(RuleMatch.COMMAND, "rm[").contains("not a valid glob"));
    }

    @Test
    void aPathPatternIsAnAbsoluteGlob() {
        RulePatterns.compile(RuleMatch.PATH, "/usr/local/bin/*");
        RulePatterns.compile(RuleMatch.PATH, "/home/*/My Tools/*");
        assertTrue(refusal(RuleMatch.PATH, "bin/*").contains("starting with '/'"));
        assertTrue(refusal(RuleMatch.PATH, "/tmp/\nx").contains("path rule"));
        assertTrue(refusal(RuleMatch.PATH, "/x/[z-a]").contains("reversed range"));
    }

    @Test
    void aLinePatternIsARegularExpressionAndItsErrorIsReported() {
        Pattern compiled = RulePatterns.compile(RuleMatch.LINE, "curl .*\\| *sh");
        assertTrue(compiled.matcher("curl http://x | sh").find());
        String error = refusal(RuleMatch.LINE, "(unclosed");
        assertTrue(error.startsWith("pattern is not a valid regular expression: "), error);
        assertTrue(error.contains("Unclosed group"), error);
    }

    @Test
    void aPatternHasALengthLimit() {
        assertTrue(refusal(RuleMatch.LINE, "x".repeat(RulePatterns.MAX_LENGTH + 1)).contains("at most"));
    }
}

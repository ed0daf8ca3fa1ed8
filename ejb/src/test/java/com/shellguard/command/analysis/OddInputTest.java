package com.shellguard.command.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.shellguard.command.model.Command;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The analysis must answer for any text a hooked shell may send, however broken, and quickly. */
class OddInputTest {

    private static final String ALPHABET = "ab rm-$(){}[]<>|&;'\"`\\\n#=*?!@+:%~012";

    @ParameterizedTest
    @ValueSource(strings = {"'", "\"", "`", "$(", "$((", "${", "$'", "((", "[[", "<<", "<<EOF", "case", "case x in", "for",
        "function", "f(", ")", "}", "{", "\\", "2>", "<(", "$[", "env -S", "env -S'", "sudo -u", "timeout", "find -exec",
        "xargs -I", "sh -c", "bash -o", "trap --", "set -o", "shopt -o -s", "unset -m '['", "unset -m '[!'", "alias =x",
        "declare -n =", "a[=1", "$'\\x'", "$'\\u{'", "$'\\c'", "find . -exec rm {} +", "exec", "command", "builtin"})
    void brokenTextIsAnalysedWithoutFailing(String text) {
        CommandAnalysis analysis = Commands.analyze(text);
        assertFalse(analysis.invocations().isEmpty(), text);
        CommandAnalyzer.tamperInTypedLine(text);
    }

    @Test
    void randomTextNeverMakesTheAnalysisFail() {
        Random random = new Random(20261123);
        for (int i = 0; i < 3000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(60);
            for (int j = 0; j < length; j++) {
                text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            String sample = text.toString();
            assertFalse(Commands.analyze(sample).invocations().isEmpty(), sample);
            CommandAnalyzer.tamperInTypedLine(sample);
        }
    }

    @Test
    void deeplyNestedTextIsReadQuicklyAndWithinTheStack() {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (String open : List.of("$(", "\"$(", "${", "$((", "((", "`", "(", "<(", "$'", "sh -c '", "@(", "case x in a) ")) {
                String text = "echo " + open.repeat(5000) + "x";
                assertFalse(Commands.analyze(text).invocations().isEmpty(), open);
                CommandAnalyzer.tamperInTypedLine(text);
            }
        });
    }

    @Test
    void aCommandWithNothingKnownYieldsAnEmptyCommand() {
        Command nothing = new Command(null, 0, null, null, null, null, null, null, null, null);
        assertEquals(List.of(new Invocation("", List.of(), "")), CommandAnalyzer.analyze(nothing).invocations());
        assertEquals(List.of(new Invocation("", List.of(), "")), CommandAnalyzer.analyze(null).invocations());
    }
}

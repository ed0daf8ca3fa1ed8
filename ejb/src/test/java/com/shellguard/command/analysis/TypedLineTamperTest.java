package com.shellguard.command.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TypedLineTamperTest {

    @ParameterizedTest
    @ValueSource(strings = {"builtin() { :; }", "command () { :; }", "function declare { :; }", "typeset() (:)", "local() { :; }",
        "printf() { :; }", "read() { :; }", "history() { :; }", "trap() { :; }", "set() { :; }", "shopt() { :; }",
        "unset() { :; }", "enable() { :; }", "exec() { :; }", "eval() { :; }", "source() { :; }", ".() { :; }",
        "type() { :; }", "hash() { :; }", "export() { :; }", "readonly() { :; }", "return() { :; }",
        "__sg_t() { :; }", "function __sg_send { :; }", "TRAPDEBUG() { :; }", "bash() { command bash --norc; }",
        "ls; function trap() { :; }"})
    void aFunctionShadowingABuiltinTheHookReliesOnIsTamper(String line) {
        Optional<String> reason = CommandAnalyzer.tamperInTypedLine(line);
        assertTrue(reason.orElse("").contains("defines a function"), () -> line + ": " + reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"alias builtin=true", "alias trap='echo'", "alias ll='ls -l' unset=true", "alias -- set=true",
        "alias __sg_t=:"})
    void anAliasShadowingANameTheHookReliesOnIsTamper(String line) {
        Optional<String> reason = CommandAnalyzer.tamperInTypedLine(line);
        assertTrue(reason.orElse("").contains("defines an alias"), () -> line + ": " + reason);
    }

    @Test
    void theReasonNamesTheShadowedName() {
        assertEquals(Optional.of("defines a function trap, a name the hook relies on"), CommandAnalyzer.tamperInTypedLine("trap() { :; }"));
    }

    @Test
    void anyCommandOfTheLineThatTampersIsReportedBeforeItRuns() {
        assertTrue(CommandAnalyzer.tamperInTypedLine("ls; trap - DEBUG; rm -rf x").isPresent());
        assertTrue(CommandAnalyzer.tamperInTypedLine("cleanup() {\n  trap - DEBUG\n}").isPresent());
        assertTrue(CommandAnalyzer.tamperInTypedLine("HISTFILE=/dev/null").isPresent());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ll() { ls -l; }", "function deploy { ./deploy.sh; }", "alias ll='ls -l'", "alias", "echo 'trap() {'",
        "grep trap notes.txt", "bash", "sh script.sh", "trap cleanup EXIT", "", "   "})
    void ordinaryLinesAreNotTamper(String line) {
        assertEquals(Optional.empty(), CommandAnalyzer.tamperInTypedLine(line), line);
    }

    @Test
    void aMissingLineIsNotTamper() {
        assertEquals(Optional.empty(), CommandAnalyzer.tamperInTypedLine(null));
    }
}

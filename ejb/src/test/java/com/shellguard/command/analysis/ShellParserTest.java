package com.shellguard.command.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShellParserTest {

    /** Each simple command as its words' values, substitutions marked with a leading {@code $:}. */
    private static List<String> commands(String code) {
        return ShellParser.parse(code).commands().stream()
            .map(command -> (command.inSubstitution() ? "$:" : "")
                + String.join(" ", command.words().stream().map(ShellWord::value).toList()))
            .toList();
    }

    @Test
    void listsAndPipelinesAreSplitIntoTheirSimpleCommands() {
        assertEquals(List.of("a 1", "b", "c", "d", "e", "f"), commands("a 1; b && c || d | e & f"));
        assertEquals(List.of("a", "b"), commands("a\nb"));
        assertEquals(List.of("a", "b"), commands("a |& b"));
    }

    @Test
    void subshellsAndGroupsAreOpenedUp() {
        assertEquals(List.of("cd /tmp", "rm x", "tee log"), commands("(cd /tmp && rm x) | tee log"));
        assertEquals(List.of("rm x", "ls"), commands("{ rm x; ls; } > out 2>&1"));
        assertEquals(List.of("echo }"), commands("echo }"));
    }

    @Test
    void theBodiesOfIfWhileForAndCaseAreCommandsButTheirHeadersAreNot() {
        assertEquals(List.of("test -f x", "rm x", "ls"), commands("if test -f x; then rm x; else ls; fi"));
        assertEquals(List.of("read line", "rm $line"), commands("while read line; do rm \"$line\"; done < list"));
        assertEquals(List.of("rm $f"), commands("for f in a b *.txt; do rm \"$f\"; done"));
        assertEquals(List.of("echo $i"), commands("for ((i = 0; i < 3; i++)); do echo $i; done"));
        assertEquals(List.of("rm x", "ls"), commands("case $x in\n a) rm x;;\n (b|c) ls;;\nesac"));
    }

    @Test
    void assignmentsAndRedirectionsAreNotCommandWords() {
        SimpleCommand command = ShellParser.parse("LANG=C X[1]+=y >out 2>&1 sort <in -r").commands().get(0);
        assertEquals(List.of("LANG=C", "X[1]+=y"), command.assignments().stream().map(ShellWord::value).toList());
        assertEquals(List.of("sort", "-r"), command.words().stream().map(ShellWord::value).toList());
        assertEquals(List.of("echo", "a=b"), ShellParser.parse("echo a=b").commands().get(0).words().stream()
            .map(ShellWord::value).toList());
    }

    @Test
    void substitutionsFollowTheCommandTheyBelongToOrComeFirstInALoopHeader() {
        assertEquals(List.of("echo $(rm a) `ls`", "$:rm a", "$:ls"), commands("echo $(rm a) `ls`"));
        assertEquals(List.of("ls", "$:rm x"), commands("a=$(rm x) ls"));
        assertEquals(List.of("$:rm w"), commands("[[ -n $(rm w) ]]"));
        assertEquals(List.of("$:rm v"), commands("((x = $(rm v)))"));
        assertEquals(List.of("cat", "$:rm u"), commands("cat <<< \"$(rm u)\""));
        assertEquals(List.of("$:rm c", "echo"), commands("for f in $(rm c); do echo; done"));
    }

    @Test
    void functionDefinitionsAreNamedAndTheirBodiesParsed() {
        ShellCode code = ShellParser.parse("f() { rm a; }; function g { ls; }; function h() ( id )");
        assertEquals(List.of("f", "g", "h"), code.functions());
        assertEquals(List.of("rm a", "ls", "id"), code.commands().stream()
            .map(c -> String.join(" ", c.words().stream().map(ShellWord::value).toList())).toList());
    }

    @Test
    void hereDocumentBodiesAreSkipped() {
        assertEquals(List.of("cat", "ls"), commands("cat <<EOF\nrm -rf /\nEOF\nls"));
    }

    @Test
    void brokenCodeStillYieldsTheCommandsItPlainlyContains() {
        assertEquals(List.of("rm x"), commands("if then rm x"));
        assertEquals(List.of("ls"), commands(")) ls"));
        assertTrue(commands("").isEmpty());
        assertTrue(commands(";;;&&||").isEmpty());
    }
}

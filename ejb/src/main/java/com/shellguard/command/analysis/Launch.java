package com.shellguard.command.analysis;

import java.util.List;
import java.util.stream.Stream;

/**
 * One program the analysis follows, with what the tamper rules need beyond its {@link Invocation}: the
 * variables set for it, how it is started, and whether the hook's variables and stand-ins still reach it.
 *
 * @param invocation  the program, its arguments and how it is reached
 * @param assignments {@code NAME=value} words that set variables for it (prefix assignments, {@code env}/{@code sudo} ones)
 * @param unset       variables a wrapper removed from its environment ({@code env -u})
 * @param startedAs   how it is started
 * @param variables   whether the hook's loading variables reach it
 * @param hookedShell whether the shell that looks its name up has the hook (and so its stand-ins)
 * @param dynamicWord whether its command word is only known when it runs ({@code $cmd}, {@code $(...)})
 */
record Launch(Invocation invocation, List<String> assignments, List<String> unset, StartedAs startedAs,
              HookVariables variables, boolean hookedShell, boolean dynamicWord) {

    private static final int DISPLAY_LENGTH = 100;

    Launch {
        assignments = List.copyOf(assignments);
        unset = List.copyOf(unset);
    }

    /** A simple command of shell code, run by a shell that is hooked or not. */
    static Launch of(SimpleCommand command, String via, HookVariables variables, boolean hookedShell) {
        List<String> values = command.words().stream().map(ShellWord::value).toList();
        String program = values.isEmpty() ? "" : values.get(0);
        return new Launch(new Invocation(program, values.isEmpty() ? List.of() : values.subList(1, values.size()), via),
            command.assignments().stream().map(ShellWord::value).toList(), List.of(),
            program.contains("/") ? StartedAs.FILE : StartedAs.NAME, variables, hookedShell,
            !command.words().isEmpty() && command.words().get(0).expands());
    }

    /** What a wrapper of this launch runs: it inherits the worst of both environments. */
    Launch inner(Wrapped.Program program) {
        List<String> argv = program.argv();
        String name = argv.isEmpty() ? "" : argv.get(0);
        return new Launch(new Invocation(name, argv.isEmpty() ? List.of() : argv.subList(1, argv.size()), program.via()),
            program.assignments(), program.unset(), program.startedAs(), variables.worse(program.variables()), hookedShell,
            ShellWord.hasExpansion(name));
    }

    String program() {
        return invocation.program();
    }

    List<String> args() {
        return invocation.args();
    }

    /** The program's file name: what wrappers and shells are recognised by, wherever they live. */
    String name() {
        String program = invocation.program();
        return program.substring(program.lastIndexOf('/') + 1);
    }

    /** The command as a reason quotes it: short, on one line, words that would not read as one quoted. */
    String display() {
        List<String> words = invocation.program().isEmpty() ? assignments : fullArgv();
        String text = String.join(" ", words.stream().map(Launch::quoted).toList()).replaceAll("\\s+", " ");
        return text.length() <= DISPLAY_LENGTH ? text : text.substring(0, DISPLAY_LENGTH) + "...";
    }

    private static String quoted(String word) {
        return word.isEmpty() || word.matches("(?s).*[\\s'\"].*") ? "'" + word.replace("'", "'\\''") + "'" : word;
    }

    /** The program and its arguments as one text, for rules that look for mentions anywhere in it. */
    String text() {
        return String.join(" ", fullArgv());
    }

    private List<String> fullArgv() {
        return Stream.concat(Stream.of(invocation.program()), invocation.args().stream()).toList();
    }
}

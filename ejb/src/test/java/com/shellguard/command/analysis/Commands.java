package com.shellguard.command.analysis;

import com.shellguard.command.model.Command;
import com.shellguard.command.model.CommandWord;
import com.shellguard.command.model.Resolution;
import com.shellguard.command.model.RunningShell;
import com.shellguard.command.model.ShellRole;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Builds the commands a hooked shell would report, and renders analyses so that tests read like the commands they check. */
final class Commands {

    private Commands() {
    }

    /** A command as zsh or a test without resolution would report it: no expanded word. */
    static Command command(String text) {
        return command(text, "", null);
    }

    /** A command as bash reports it: the text, the command word as the hook expanded it, and how the shell resolves it. */
    static Command command(String text, String word, Resolution resolution) {
        return new Command("100.1", 1L, text, new CommandWord(word, resolution, "", "", List.of()),
            new RunningShell("bash", ShellRole.INTERACTIVE, Set.of(), 0, "", 0, "", "/home/alice"), "100.1", "", List.of(), "", "");
    }

    static CommandAnalysis analyze(String text) {
        return CommandAnalyzer.analyze(command(text));
    }

    /**
     * Each invocation as {@code program arg...}, followed by {@code  <- via} when a wrapper runs it:
     * {@code ["xargs rm", "rm <- xargs"]}.
     */
    static List<String> invocations(CommandAnalysis analysis) {
        return analysis.invocations().stream()
            .map(invocation -> String.join(" ", concat(invocation.program(), invocation.args()))
                + (invocation.via().isEmpty() ? "" : " <- " + invocation.via()))
            .toList();
    }

    static List<String> invocations(String text) {
        return invocations(analyze(text));
    }

    private static List<String> concat(String program, List<String> args) {
        return Stream.concat(Stream.of(program), args.stream()).toList();
    }
}

package com.shellguard.command.analysis;

import com.shellguard.connector.api.CommandFacts;
import com.shellguard.connector.api.CommandFlags;
import com.shellguard.connector.api.Resolution;
import com.shellguard.connector.api.ShellRole;
import java.util.List;
import java.util.stream.Stream;

/** Builds the facts a hooked shell would send, and renders analyses so that tests read like the commands they check. */
final class Commands {

    private Commands() {
    }

    /** A command as zsh or a test without resolution would send it: no expanded word. */
    static CommandFacts facts(String text) {
        return facts(text, "", "");
    }

    /** A command as bash sends it: the text, the command word as the hook expanded it, and how the shell resolves it. */
    static CommandFacts facts(String text, String word, String resolution) {
        return new CommandFacts("100.1", 1L, ShellRole.INTERACTIVE, CommandFlags.NONE, 0, "", 0, "", "/home/alice",
            Resolution.of(resolution).orElse(null), word,
            "", "", List.of(), "100.1", "", text, "bash", List.of());
    }

    static CommandAnalysis analyze(String text) {
        return CommandAnalyzer.analyze(facts(text));
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

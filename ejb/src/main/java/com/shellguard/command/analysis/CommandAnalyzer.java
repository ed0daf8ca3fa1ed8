package com.shellguard.command.analysis;

import com.shellguard.connector.api.CommandFacts;
import java.util.List;
import java.util.Optional;

/**
 * Placeholder until the analyzer of the {@code analysis} branch lands (it replaces this file on merge): it
 * sees only the command itself, so wrapped programs ({@code sudo rm}, {@code xargs rm}) and tampering are not
 * yet recognised. The policy is coded against this exact API.
 */
public final class CommandAnalyzer {

    private CommandAnalyzer() {
    }

    public static CommandAnalysis analyze(CommandFacts facts) {
        return new CommandAnalysis(List.of(new Invocation(facts.word(), List.of(), null)), Optional.empty());
    }

    public static Optional<String> tamperInTypedLine(String line) {
        return Optional.empty();
    }
}

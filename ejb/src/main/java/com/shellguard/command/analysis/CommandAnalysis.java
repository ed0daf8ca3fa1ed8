package com.shellguard.command.analysis;

import java.util.List;
import java.util.Optional;

/**
 * Everything the policy needs about one command text: what it runs and whether it would switch the hook off.
 *
 * @param invocations every program the command runs; the first is always the command itself, the others follow
 *                    in the order they are found (each wrapper's inner command right after the wrapper)
 * @param tamper      a one-line reason when the command would switch the hook off or start a shell the hook
 *                    cannot follow; empty otherwise
 */
public record CommandAnalysis(List<Invocation> invocations, Optional<String> tamper) {

    public CommandAnalysis {
        invocations = List.copyOf(invocations);
        tamper = tamper == null ? Optional.empty() : tamper;
    }
}

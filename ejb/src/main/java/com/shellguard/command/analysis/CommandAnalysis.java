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
 * @param unseen      the commands it schedules to run later, outside the session, whose payload the gateway cannot
 *                    read ({@code crontab FILE}, {@code at now}), as a reason quotes them
 */
public record CommandAnalysis(List<Invocation> invocations, Optional<String> tamper, List<String> unseen) {

    public CommandAnalysis {
        invocations = List.copyOf(invocations);
        tamper = tamper == null ? Optional.empty() : tamper;
        unseen = unseen == null ? List.of() : List.copyOf(unseen);
    }

    public CommandAnalysis(List<Invocation> invocations, Optional<String> tamper) {
        this(invocations, tamper, List.of());
    }
}

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
 * @param otherUsersShells the interactive shells it starts as another user ({@code sudo -i}, {@code su -},
 *                    {@code sudo bash}), as a tamper reason quotes them: no hook follows them (sudo and su drop the
 *                    hook's variables, and the exec guard is not loaded into a setuid program), so they are tamper
 *                    unless the session's supervisor runs as root and follows them (the privileged tier)
 */
public record CommandAnalysis(List<Invocation> invocations, Optional<String> tamper, List<String> unseen,
        List<String> otherUsersShells) {

    public CommandAnalysis {
        invocations = List.copyOf(invocations);
        tamper = tamper == null ? Optional.empty() : tamper;
        unseen = unseen == null ? List.of() : List.copyOf(unseen);
        otherUsersShells = otherUsersShells == null ? List.of() : List.copyOf(otherUsersShells);
    }

    public CommandAnalysis(List<Invocation> invocations, Optional<String> tamper, List<String> unseen) {
        this(invocations, tamper, unseen, List.of());
    }

    public CommandAnalysis(List<Invocation> invocations, Optional<String> tamper) {
        this(invocations, tamper, List.of(), List.of());
    }
}

package com.shellguard.command.model;

import java.util.Set;

/**
 * Where a command runs: which shell, in what role and state, in which file, line and function, in which directory.
 *
 * @param shell    {@code bash}, {@code zsh}, or {@code guard} for a program start the exec guard saw
 * @param role     the reporting process's role; null when it did not say
 * @param flags    what the shell was doing besides running the user's code
 * @param subshell the subshell nesting depth
 * @param source   the script or sourced file running the command; empty at the prompt
 * @param line     the line in {@code source}
 * @param function the shell function running it, if any
 * @param cwd      the working directory
 */
public record RunningShell(String shell, ShellRole role, Set<ShellFlag> flags, int subshell, String source, int line,
                           String function, String cwd) {

    public RunningShell {
        flags = flags == null ? Set.of() : Set.copyOf(flags);
    }

    /** The prompt of an interactive shell: no script, no function, no flags, not in a subshell. */
    public static RunningShell prompt(String shell) {
        return new RunningShell(shell, ShellRole.INTERACTIVE, Set.of(), 0, "", 0, null, null);
    }

    /** Where the command came from, as the audit files it. */
    public CommandOrigin origin() {
        return CommandOrigin.of(this);
    }
}

package com.shellguard.command.model;

import java.util.Locale;

/**
 * Where a command came from, derived from where it runs, the most telling first: a completion function, a zsh
 * precmd or preexec function, a script or sourced file (a source file is known), a {@code -c} string or an exec
 * session's command, a subshell at the prompt, and otherwise the prompt itself. A program start the exec guard or the
 * supervisor saw was made by another program, whichever shell, if any, started that one.
 */
public enum CommandOrigin {
    PROMPT, SCRIPT, COMMAND_STRING, COMPLETION, PROMPT_COMMAND, SUBSHELL, PROGRAM;

    public static CommandOrigin of(RunningShell where) {
        if (where.role() == ShellRole.GUARD || where.role() == ShellRole.SUPERVISOR) {
            return PROGRAM;
        }
        if (where.flags().contains(ShellFlag.COMPLETION)) {
            return COMPLETION;
        }
        if (where.flags().contains(ShellFlag.PROMPT_HOOK)) {
            return PROMPT_COMMAND;
        }
        if (where.source() != null && !where.source().isEmpty()) {
            return SCRIPT;
        }
        if (where.flags().contains(ShellFlag.COMMAND_STRING) || where.role() == ShellRole.EXEC) {
            return COMMAND_STRING;
        }
        return where.subshell() > 0 ? SUBSHELL : PROMPT;
    }

    /** As the API shows it: {@code prompt}, {@code script}, {@code command-string}, ... */
    public String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

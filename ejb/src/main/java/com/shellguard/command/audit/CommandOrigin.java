package com.shellguard.command.audit;

import com.shellguard.connector.api.CommandFacts;
import com.shellguard.connector.api.CommandFlag;
import com.shellguard.connector.api.CommandFlags;
import com.shellguard.connector.api.ShellRole;
import java.util.Locale;

/**
 * Where a command came from, derived from the raw facts the hook sends, the most telling first: a completion
 * function ({@code c} flag), a zsh precmd or preexec function ({@code p}), a script or sourced file (a source file is known), a
 * {@code -c} string or an exec session's command ({@code x} flag, role {@code exec}), a subshell at the prompt,
 * and otherwise the prompt itself. A program start the exec guard saw (role {@code guard}) was made by another
 * program, whichever shell, if any, started that one.
 */
public enum CommandOrigin {
    PROMPT, SCRIPT, COMMAND_STRING, COMPLETION, PROMPT_COMMAND, SUBSHELL, PROGRAM;

    public static CommandOrigin of(CommandFacts facts) {
        if (facts.role() == ShellRole.GUARD) {
            return PROGRAM;
        }
        CommandFlags flags = facts.flags() == null ? CommandFlags.NONE : facts.flags();
        if (flags.has(CommandFlag.COMPLETION)) {
            return COMPLETION;
        }
        if (flags.has(CommandFlag.PROMPT_FUNCTION)) {
            return PROMPT_COMMAND;
        }
        if (facts.source() != null && !facts.source().isEmpty()) {
            return SCRIPT;
        }
        if (flags.has(CommandFlag.COMMAND_STRING) || facts.role() == ShellRole.EXEC) {
            return COMMAND_STRING;
        }
        return facts.subshell() > 0 ? SUBSHELL : PROMPT;
    }

    /** As the API shows it: {@code prompt}, {@code script}, {@code command-string}, ... */
    public String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

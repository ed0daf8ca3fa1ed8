package com.shellguard.command.analysis;

import java.util.List;

/**
 * One simple command of shell code: what the shell runs as a unit, and what the hook's trap sees one at a time.
 * Redirections are not part of it: they name files, not programs.
 *
 * @param assignments    the leading {@code NAME=value} words, which set variables for this command (or for the
 *                       shell, when there is no command word)
 * @param words          the command word and its arguments
 * @param inSubstitution whether it runs inside a command or process substitution of the enclosing command
 */
record SimpleCommand(List<ShellWord> assignments, List<ShellWord> words, boolean inSubstitution) {

    SimpleCommand {
        assignments = List.copyOf(assignments);
        words = List.copyOf(words);
    }
}

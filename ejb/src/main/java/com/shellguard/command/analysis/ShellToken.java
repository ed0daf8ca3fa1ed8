package com.shellguard.command.analysis;

/** One token of shell code: a word, or an operator (control operators, redirections, and newline). */
sealed interface ShellToken permits ShellWord, ShellOperator {
}

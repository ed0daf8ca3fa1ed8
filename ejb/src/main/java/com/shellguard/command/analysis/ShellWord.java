package com.shellguard.command.analysis;

import java.util.List;

/**
 * A shell word as the shell reads it, before any expansion. The policy needs the word the user meant
 * ({@code \rm} and {@code 'rm'} are {@code rm}) but must not pretend to know what an expansion yields, so
 * quotes are removed and expansions are kept exactly as written.
 *
 * @param raw           the word as written
 * @param value         the word after quote removal, with {@code $x}, {@code $(cmd)}, {@code ${x:-y}} left as written
 * @param substitutions the code inside its command and process substitutions ({@code $( )}, backquotes,
 *                      {@code <( )}): the shell runs it before the command itself
 * @param expands       whether the shell expands something in it, so that its final text is only known when it runs
 */
record ShellWord(String raw, String value, List<String> substitutions, boolean expands) implements ShellToken {

    ShellWord {
        substitutions = List.copyOf(substitutions);
    }

    /**
     * Whether a word's value (as a wrapper passes it on) still holds an expansion, so that its text is only known
     * when it runs. A {@code $} that was quoted literally counts too: the value no longer says which it was.
     */
    static boolean hasExpansion(String value) {
        return value.indexOf('$') >= 0 || value.indexOf('`') >= 0;
    }
}

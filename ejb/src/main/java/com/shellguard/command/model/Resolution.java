package com.shellguard.command.model;

import java.util.Locale;

/** How the shell resolves a command word, as the hook found out before the command ran. */
public enum Resolution {
    /** A program file (found on {@code PATH} or named by its path). */
    FILE,
    /** A shell builtin. */
    BUILTIN,
    /** A shell function. */
    FUNCTION,
    /** A reserved word ({@code if}, {@code for}, ...). */
    KEYWORD,
    /** Nothing of that name: the shell will say "command not found", unless a program of that name appears first. */
    MISSING,
    /** The word is only known once it runs ({@code $cmd}, {@code $(...)}). */
    DYNAMIC,
    /** A bash or sh the hook's own stand-in starts, hooked. */
    SHELL,
    /** Not looked up: the hook asked before resolving the word (an assignment to a variable it relies on). */
    UNRESOLVED;

    /** Whether the word may start a program: the allowlist and path rules apply to programs only. */
    public boolean mayRunProgram() {
        return this == FILE || this == MISSING || this == DYNAMIC;
    }

    /** As the hook protocol, the audit and the API name it: {@code file}, {@code builtin}, ..., empty when unresolved. */
    public String wire() {
        return this == UNRESOLVED ? "" : name().toLowerCase(Locale.ROOT);
    }
}

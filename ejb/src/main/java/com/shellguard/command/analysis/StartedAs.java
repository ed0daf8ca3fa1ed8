package com.shellguard.command.analysis;

/**
 * How a program comes to run. It decides whether a shell keeps the hook: the hook follows a shell only when its
 * own stand-in ({@code bash}, {@code sh}, {@code dash} functions) starts it, or when the shell loads the hook
 * itself through {@code BASH_ENV}/{@code ZDOTDIR}.
 */
enum StartedAs {
    /** The hook's own stand-in function (resolution {@code shell}): started with the hook. */
    STAND_IN,
    /** A bare name a shell looks up: the hook's stand-in when that shell is hooked. */
    NAME,
    /** Executed as a file: given by path, through {@code command}, or by another program. No stand-in applies. */
    FILE,
    /** Through {@code exec}: it replaces the hooked shell. */
    EXEC,
    /** A user function: not a program, and its body is trapped command by command. */
    FUNCTION
}

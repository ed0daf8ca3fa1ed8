package com.shellguard.command.model;

/** What the shell was doing when the command came up, besides running the user's code. */
public enum ShellFlag {
    /** Running a completion function (the user pressed Tab). */
    COMPLETION,
    /** Running a zsh precmd or preexec function; bash does not tell its PROMPT_COMMAND apart. */
    PROMPT_HOOK,
    /** Running a {@code -c} string. */
    COMMAND_STRING
}

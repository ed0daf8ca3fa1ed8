package com.shellguard.command.model;

import java.util.Locale;

/** What the process that reported a command is to its session. */
public enum ShellRole {
    /** The session's interactive shell, or an interactive shell started in it. */
    INTERACTIVE,
    /** The shell running an exec session's command. */
    EXEC,
    /** A non-interactive shell started in the session (a script, {@code bash -c}). */
    CHILD,
    /** Not a shell: the exec guard, which reports a program another program starts. */
    GUARD,
    /** Not a shell: the supervisor, the session's ptrace tracer, which reports every program start of the session. */
    SUPERVISOR;

    /** As the hook protocol, the audit and the API name it: {@code interactive}, {@code exec}, ... */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package com.shellguard.command.rule;

/**
 * Whether same-account sessions on a label's servers run under the supervisor (the session's ptrace tracer).
 * {@code ON} is the default, also for rows stored before this choice existed. {@code OFF} trades the
 * supervisor's watch (static programs, raw syscalls, a debugger on the shell) for working {@code sudo} and
 * {@code su}, which an unprivileged tracer would run without privilege. Any {@code OFF} label switches it off
 * for the server, except on servers labelled {@code strict} and in the privileged tier, which always have it.
 */
public enum SupervisorMode {
    ON, OFF
}

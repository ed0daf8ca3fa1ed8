package com.shellguard.command.analysis;

import java.util.List;

/**
 * {@code script}: records a terminal session. With {@code -c} it runs that command string; without, it starts
 * {@code $SHELL} interactively on a new terminal, a shell the hook does not follow.
 */
final class ScriptProgram implements Wrapper {

    private static final OptionSyntax SYNTAX = OptionSyntax.arguments("cEIOBTmo",
        "command", "echo", "log-in", "log-out", "log-io", "log-timing", "logging-format", "output-limit").attachedArguments("t");

    @Override
    public List<Wrapped> unwrap(Launch launch) {
        return SYNTAX.anywhere(launch.args()).value("-c", "--command")
            .<List<Wrapped>>map(code -> List.of(new Wrapped.Code("script -c", code, false)))
            .orElseGet(() -> List.of(new Wrapped.InteractiveShell(false)));
    }
}

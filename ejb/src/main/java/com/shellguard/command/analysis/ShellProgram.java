package com.shellguard.command.analysis;

import java.util.List;

/**
 * A shell given a command string ({@code sh -c 'xargs rm < list'}): the string is shell code of its own, run by a
 * shell that has the hook or not depending on how it was started.
 */
final class ShellProgram implements Wrapper {

    private final ShellFamily family;

    ShellProgram(ShellFamily family) {
        this.family = family;
    }

    @Override
    public List<Wrapped> unwrap(Launch launch) {
        ShellCommandLine line = ShellCommandLine.parse(family, launch.name(), launch.args());
        return line.code()
            .<List<Wrapped>>map(code -> List.of(new Wrapped.Code(launch.name() + " -c", code,
                line.keepsHook(launch.startedAs(), launch.variables(), launch.hookedShell()))))
            .orElse(List.of());
    }
}

package com.shellguard.command.analysis;

import java.util.List;

/** {@code watch}: joins its arguments into one string and runs it with {@code sh -c}, unless {@code -x} execs them. */
final class WatchProgram implements Wrapper {

    private static final OptionSyntax SYNTAX = OptionSyntax.arguments("nq", "interval", "equexit").attachedArguments("d");

    @Override
    public List<Wrapped> unwrap(Launch launch) {
        ParsedOptions parsed = SYNTAX.leading(launch.args());
        List<String> command = parsed.operands();
        if (command.isEmpty()) {
            return List.of();
        }
        if (parsed.has("-x", "--exec")) {
            return List.of(Wrapped.Program.of("watch", command));
        }
        return List.of(new Wrapped.Code("watch", String.join(" ", command), false));
    }
}

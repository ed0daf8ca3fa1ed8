package com.shellguard.command.analysis;

import java.util.List;

/**
 * {@code flock [options] FILE command...}, {@code flock [options] FILE -c STRING} (run by {@code sh -c}), or
 * {@code flock [options] FD}, which runs nothing.
 */
final class FlockProgram implements Wrapper {

    private static final OptionSyntax SYNTAX = OptionSyntax.arguments("wEc", "wait", "timeout", "conflict-exit-code", "command");

    @Override
    public List<Wrapped> unwrap(Launch launch) {
        ParsedOptions parsed = SYNTAX.leading(launch.args());
        if (parsed.has("-c", "--command")) {
            return List.of(new Wrapped.Code("flock -c", parsed.value("-c", "--command").orElse(""), false));
        }
        List<String> operands = parsed.operands();
        if (operands.size() < 2) {
            return List.of();
        }
        List<String> command = operands.subList(1, operands.size());
        if (command.get(0).equals("-c") || command.get(0).equals("--command")) {
            return command.size() > 1 ? List.of(new Wrapped.Code("flock -c", command.get(1), false)) : List.of();
        }
        return List.of(Wrapped.Program.of("flock", command));
    }
}

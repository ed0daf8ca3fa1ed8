package com.shellguard.command.analysis;

import java.util.List;

/**
 * {@code enable NAME...}: turns builtins on, after which {@code NAME} runs the builtin instead of a program. Each
 * name is judged as the program it stands for, so a rule on {@code rm} applies to {@code enable rm} (which
 * {@link EnableRule} also refuses as loading a builtin). Listing ({@code enable}, {@code -a}, {@code -p}) and
 * the forms {@link EnableRule} refuses ({@code -n}, {@code -d}, {@code -f}) turn nothing on.
 */
final class EnableBuiltin implements Wrapper {

    @Override
    public List<Wrapped> unwrap(Launch launch) {
        BuiltinArguments arguments = BuiltinArguments.of(launch.args());
        if (arguments.hasAny("nd")) {
            return List.of();
        }
        return arguments.operands().stream().filter(name -> !name.isEmpty())
            .map(name -> (Wrapped) Wrapped.Program.of("enable", List.of(name))).toList();
    }
}

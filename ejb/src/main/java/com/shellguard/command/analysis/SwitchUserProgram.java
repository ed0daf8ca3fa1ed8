package com.shellguard.command.analysis;

import java.util.List;

/**
 * {@code su} and {@code runuser}: a shell as another user. With {@code -c} it runs that command string; without,
 * it starts the user's login shell interactively, which the hook cannot follow. {@code runuser -u USER cmd}
 * runs a command directly. Options may come after the user name (GNU permutation).
 */
final class SwitchUserProgram implements Wrapper {

    private static final OptionSyntax SYNTAX = OptionSyntax.arguments("cgGsuw",
        "command", "session-command", "group", "supp-group", "shell", "user", "whitelist-environment");

    @Override
    public List<Wrapped> unwrap(Launch launch) {
        String name = launch.name();
        ParsedOptions leading = SYNTAX.leading(launch.args());
        if (leading.has("-u", "--user")) {
            return leading.operands().isEmpty() ? List.of(new Wrapped.InteractiveShell(true))
                : List.of(new Wrapped.Program(name, leading.operands(), StartedAs.FILE, HookVariables.SWITCHED_USER,
                List.of(), List.of()));
        }
        ParsedOptions parsed = SYNTAX.anywhere(launch.args());
        return parsed.value("-c", "--command", "--session-command")
            .<List<Wrapped>>map(code -> List.of(new Wrapped.Code(name + " -c", code, false)))
            .orElseGet(() -> {
                List<String> operands = parsed.operands().stream().filter(operand -> !operand.equals("-")).toList();
                // su USER ARGS... hands ARGS to the shell (a script, usually): not interactive
                return operands.size() > 1 ? List.of() : List.of(new Wrapped.InteractiveShell(true));
            });
    }
}

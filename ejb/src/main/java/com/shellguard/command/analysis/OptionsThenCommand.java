package com.shellguard.command.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A wrapper whose arguments are options, maybe a fixed number of operands (the duration of {@code timeout}, the
 * directory of {@code chroot}, the mask of {@code taskset}), and then the command it runs: nohup, timeout, nice,
 * sudo, xargs, exec and many more. What tells them apart is configuration; the walk through the arguments is
 * the same for all. Configured once, in {@link Wrappers}; not changed afterwards.
 */
final class OptionsThenCommand implements Wrapper {

    private final OptionSyntax syntax;
    private int operandsBeforeCommand;
    private Set<String> runningNothing = Set.of();
    private Set<String> shellOptions = Set.of();
    private boolean shellWithoutCommand;
    private List<String> defaultCommand = List.of();
    private boolean assignments;
    private HookVariables variables = HookVariables.KEPT;
    private StartedAs startedAs = StartedAs.FILE;
    private Set<String> clearingOptions = Set.of();

    private OptionsThenCommand(OptionSyntax syntax) {
        this.syntax = syntax;
    }

    static OptionsThenCommand withOptions(OptionSyntax syntax) {
        return new OptionsThenCommand(syntax);
    }

    /** Operands the program takes before the command (timeout's duration). */
    OptionsThenCommand skipping(int operands) {
        this.operandsBeforeCommand = operands;
        return this;
    }

    /** Options with which the program runs no command ({@code command -v}, {@code ionice -p}, {@code sudo -l}). */
    OptionsThenCommand runningNothingWith(String... options) {
        this.runningNothing = Set.of(options);
        return this;
    }

    /** Options that, without a command, start an interactive shell ({@code sudo -i}, {@code doas -s}). */
    OptionsThenCommand interactiveShellWith(String... options) {
        this.shellOptions = Set.of(options);
        return this;
    }

    /** Without a command, the program starts an interactive shell ({@code chroot DIR}). */
    OptionsThenCommand interactiveShellWithoutCommand() {
        this.shellWithoutCommand = true;
        return this;
    }

    /** Without a command, the program runs this one ({@code xargs} runs {@code echo}). */
    OptionsThenCommand defaultingTo(String... command) {
        this.defaultCommand = List.of(command);
        return this;
    }

    /** {@code NAME=value} words before the command set variables for it ({@code sudo}). */
    OptionsThenCommand takingAssignments() {
        this.assignments = true;
        return this;
    }

    /** The command runs as another user, without the hook's variables. */
    OptionsThenCommand switchingUser() {
        this.variables = HookVariables.SWITCHED_USER;
        return this;
    }

    OptionsThenCommand starting(StartedAs startedAs) {
        this.startedAs = startedAs;
        return this;
    }

    /** Options that clear the command's environment ({@code exec -c}). */
    OptionsThenCommand clearingWith(String... options) {
        this.clearingOptions = Set.of(options);
        return this;
    }

    @Override
    public List<Wrapped> unwrap(Launch launch) {
        ParsedOptions parsed = syntax.leading(launch.args());
        if (runningNothing.stream().anyMatch(parsed::has)) {
            return List.of();
        }
        List<String> rest = parsed.operands();
        rest = rest.subList(Math.min(operandsBeforeCommand, rest.size()), rest.size());
        List<String> assigned = new ArrayList<>();
        while (assignments && !rest.isEmpty() && Assignments.isAssignment(rest.get(0))) {
            assigned.add(rest.get(0));
            rest = rest.subList(1, rest.size());
        }
        String name = launch.name();
        if (rest.isEmpty()) {
            if (shellWithoutCommand || shellOptions.stream().anyMatch(parsed::has)) {
                return List.of(new Wrapped.InteractiveShell(variables == HookVariables.SWITCHED_USER));
            }
            return defaultCommand.isEmpty() ? List.of() : List.of(Wrapped.Program.of(name, defaultCommand));
        }
        HookVariables given = clearingOptions.stream().anyMatch(parsed::has) ? HookVariables.CLEARED : variables;
        return List.of(new Wrapped.Program(name, rest, startedAs, given, assigned, List.of()));
    }
}

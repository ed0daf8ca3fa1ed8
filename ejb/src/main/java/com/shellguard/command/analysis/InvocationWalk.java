package com.shellguard.command.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One analysis: follows a command through its wrappers and command strings down to every program it runs,
 * recording each as an {@link Invocation} and checking each against the {@link TamperRule}s. The first tamper
 * found is the one reported. Bounded, so that no text can make it run long: nesting deeper than any real command
 * is itself reported as tamper, since what it hides cannot be judged.
 */
final class InvocationWalk {

    private static final int MAX_DEPTH = 16;
    private static final int MAX_INVOCATIONS = 1000;
    private static final String SUBSTITUTION = "$( )";
    private static final List<TamperRule> RULES = List.of(new TrapRule(), new ShellOptionRule(), new UnsetRule(),
        new DeclarationRule(), new AssignmentRule(), new EnableRule(), new ShadowingRule(), new ShellLaunchRule(),
        new DynamicWordRule(), new HookCallRule());

    private final List<Invocation> invocations = new ArrayList<>();
    private Optional<String> tamper = Optional.empty();
    private final List<String> unseen = new ArrayList<>();
    private final List<String> otherUsersShells = new ArrayList<>();

    /** Records a program, checks it, and follows what it runs. */
    void follow(Launch launch, int depth) {
        if (invocations.size() >= MAX_INVOCATIONS) {
            return;
        }
        invocations.add(launch.invocation());
        check(launch);
        Optional<Wrapper> wrapper = Wrappers.of(launch.name());
        List<Wrapped> inner = wrapper.map(w -> w.unwrap(launch)).orElse(List.of());
        if (inner.isEmpty()) {
            return;
        }
        if (depth >= MAX_DEPTH) {
            note(TamperRule.tamper(launch, "nests commands deeper than the analysis follows"));
            return;
        }
        for (Wrapped wrapped : inner) {
            if (wrapped instanceof Wrapped.Program program) {
                follow(launch.inner(program), depth + 1);
            } else if (wrapped instanceof Wrapped.Code code) {
                followCode(code.code(), code.via(), launch.variables(), code.hooked(), depth + 1);
            } else if (wrapped instanceof Wrapped.InteractiveShell shell) {
                Optional<String> unfollowed = TamperRule.tamper(launch, ShellLaunchRule.UNFOLLOWED);
                if (shell.asAnotherUser() && launch.variables() != HookVariables.CLEARED) {
                    unfollowed.ifPresent(otherUsersShells::add);
                } else {
                    note(unfollowed);
                }
            } else if (wrapped instanceof Wrapped.Unseen) {
                unseen.add(launch.display());
            }
        }
    }

    /**
     * Follows every command of shell code: those of the code itself are reached {@code via} what runs it, those of
     * its substitutions via {@code $( )}. Commands that only assign are checked but run no program.
     */
    void followCode(String code, String via, HookVariables variables, boolean hooked, int depth) {
        followParsed(ShellParser.parse(code), via, variables, hooked, depth);
    }

    void followParsed(ShellCode code, String via, HookVariables variables, boolean hooked, int depth) {
        code.functions().forEach(name -> note(ShadowingRule.functionDefinition(name)));
        for (SimpleCommand command : code.commands()) {
            Launch launch = Launch.of(command, command.inSubstitution() ? SUBSTITUTION : via, variables, hooked);
            if (command.words().isEmpty()) {
                check(launch);
            } else {
                follow(launch, depth);
            }
        }
    }

    Optional<String> tamper() {
        return tamper;
    }

    CommandAnalysis result() {
        return new CommandAnalysis(invocations, tamper, unseen, otherUsersShells);
    }

    private void check(Launch launch) {
        for (TamperRule rule : RULES) {
            note(rule.check(launch));
        }
        ShellLaunchRule.otherUsersShell(launch).ifPresent(otherUsersShells::add);
    }

    private void note(Optional<String> found) {
        if (tamper.isEmpty()) {
            tamper = found;
        }
    }
}

package com.shellguard.command.analysis;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writing a variable the hook relies on: an assignment ({@code HISTFILE=/dev/null}, {@code BASH_ENV= cmd},
 * {@code PROMPT_COMMAND+=x}, {@code BASH_ALIASES[ls]=...}), one made or removed by a wrapper ({@code env}, {@code sudo}),
 * and the builtins that store into a variable they are given ({@code read}, {@code mapfile}, {@code getopts},
 * {@code printf -v}).
 */
final class AssignmentRule implements TamperRule {

    private static final Set<String> READING_INTO = Set.of("read", "mapfile", "readarray", "getopts");

    @Override
    public Optional<String> check(Launch launch) {
        for (String assignment : launch.assignments()) {
            if (HookNames.isHookVariable(assignment)) {
                return TamperRule.tamper(launch, "assigns " + Assignments.target(assignment) + ", which the hook relies on");
            }
        }
        for (String name : launch.unset()) {
            if (HookNames.isHookVariable(name)) {
                return TamperRule.tamper(launch, "removes " + name + " from the environment of the command it runs");
            }
        }
        return storedInto(launch).filter(HookNames::isHookVariable).findFirst()
            .flatMap(name -> TamperRule.tamper(launch, "stores into " + name + ", which the hook relies on"));
    }

    /** The names a builtin may store into: any of its words for the readers, the {@code -v} argument of printf. */
    private static Stream<String> storedInto(Launch launch) {
        List<String> args = launch.args();
        if (READING_INTO.contains(launch.program())) {
            return args.stream().map(arg -> arg.matches("-[av].+") ? arg.substring(2) : arg);
        }
        if (launch.program().equals("printf") && !args.isEmpty() && args.get(0).startsWith("-v")) {
            return Stream.of(args.get(0).length() > 2 ? args.get(0).substring(2) : args.size() > 1 ? args.get(1) : "");
        }
        return Stream.empty();
    }
}

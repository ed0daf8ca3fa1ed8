package com.shellguard.command.analysis;

import java.util.List;
import java.util.Optional;

/**
 * Removing what the hook relies on: {@code unset} of its variables, {@code unset -f} (bash, zsh) and
 * {@code unfunction} / {@code unhash -f} (zsh) of its functions. A plain {@code unset NAME} removes the function
 * when there is no such variable, so {@code unset sh} takes away the hook's stand-in. zsh's {@code -m} patterns
 * are matched against the hook's names.
 */
final class UnsetRule implements TamperRule {

    @Override
    public Optional<String> check(Launch launch) {
        BuiltinArguments arguments = BuiltinArguments.of(launch.args());
        return switch (launch.program()) {
            case "unset" -> unset(launch, arguments);
            case "unfunction" -> functions(launch, arguments.operands());
            case "unhash" -> arguments.has('f') ? functions(launch, arguments.operands()) : Optional.empty();
            default -> Optional.empty();
        };
    }

    private static Optional<String> unset(Launch launch, BuiltinArguments arguments) {
        boolean functions = arguments.has('f');
        boolean variables = arguments.hasAny("vn");
        for (String operand : arguments.operands()) {
            if (HookNames.patternMatchesHookName(operand)) {
                return matching(launch, operand);
            }
            if (!variables && HookNames.isHookFunction(operand)) {
                return TamperRule.tamper(launch, "removes " + operand + ", a function of the hook");
            }
            if (!functions && HookNames.isHookVariable(operand)) {
                return TamperRule.tamper(launch, "removes " + operand + ", which the hook relies on");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> functions(Launch launch, List<String> names) {
        for (String name : names) {
            if (HookNames.patternMatchesHookName(name)) {
                return matching(launch, name);
            }
            if (HookNames.isHookFunction(name)) {
                return TamperRule.tamper(launch, "removes " + name + ", a function of the hook");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> matching(Launch launch, String pattern) {
        return TamperRule.tamper(launch, "removes every name matching " + pattern + ", the hook's among them");
    }
}

package com.shellguard.command.analysis;

import java.util.Optional;

/**
 * Defining a function or an alias whose name the hook calls or owns ({@code trap() { :; }}, {@code alias
 * builtin=true}, {@code TRAPDEBUG() {}}, {@code bash() { command bash --norc; }}): the user's definition would
 * run in the hook's place.
 */
final class ShadowingRule implements TamperRule {

    /** A function definition found in shell code. */
    static Optional<String> functionDefinition(String name) {
        return HookNames.mayNotBeShadowed(name)
            ? Optional.of("defines a function " + name + ", a name the hook relies on")
            : Optional.empty();
    }

    @Override
    public Optional<String> check(Launch launch) {
        if (!launch.program().equals("alias")) {
            return Optional.empty();
        }
        for (String operand : BuiltinArguments.of(launch.args()).operands()) {
            int equals = operand.indexOf('=');
            if (equals > 0 && HookNames.mayNotBeShadowed(operand.substring(0, equals))) {
                return TamperRule.tamper(launch, "defines an alias " + operand.substring(0, equals) + ", a name the hook relies on");
            }
        }
        return Optional.empty();
    }
}

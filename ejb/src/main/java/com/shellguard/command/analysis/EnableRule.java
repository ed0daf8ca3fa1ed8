package com.shellguard.command.analysis;

import java.util.Optional;

/**
 * Switching builtins off or loading new ones: bash's {@code enable -n NAME} (a file of that name then runs
 * instead), {@code enable -d}, {@code enable -f FILE NAME} (a loadable builtin can do anything unseen), and zsh's
 * {@code disable NAME}. Without names they only list builtins, which is fine, and so is disabling aliases
 * ({@code disable -a}, {@code -s}) or patterns ({@code -p}).
 */
final class EnableRule implements TamperRule {

    @Override
    public Optional<String> check(Launch launch) {
        BuiltinArguments arguments = BuiltinArguments.of(launch.args());
        if (arguments.operands().isEmpty()) {
            return Optional.empty();
        }
        if (launch.program().equals("enable") && arguments.hasAny("ndf")) {
            return TamperRule.tamper(launch, "switches builtins off or loads new ones");
        }
        if (launch.program().equals("disable") && !arguments.hasAny("asp")) {
            return TamperRule.tamper(launch, "switches builtins or functions off");
        }
        return Optional.empty();
    }
}

package com.shellguard.command.analysis;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code trap} on DEBUG (the hook runs as the DEBUG trap, in bash and zsh) or RETURN (inherited with functrace,
 * it runs around every function and sourced file), in any form: {@code trap - DEBUG}, {@code trap '' debug},
 * {@code trap DEBUG}, {@code trap -- 'x' SIGDEBUG}. Listing traps ({@code -p}, {@code -l}, {@code -P}) and traps
 * on other signals are fine. A signal only known when it runs could be DEBUG.
 */
final class TrapRule implements TamperRule {

    @Override
    public Optional<String> check(Launch launch) {
        if (!launch.program().equals("trap")) {
            return Optional.empty();
        }
        List<String> args = launch.args();
        if (!args.isEmpty() && args.get(0).matches("-[lpP]+")) {
            return Optional.empty();
        }
        List<String> operands = !args.isEmpty() && args.get(0).equals("--") ? args.subList(1, args.size()) : args;
        if (operands.isEmpty()) {
            return Optional.empty();
        }
        // one operand, or a number first, means every operand is a signal to reset
        List<String> signals = operands.size() == 1 || operands.get(0).matches("[0-9]+") ? operands
            : operands.subList(1, operands.size());
        for (String signal : signals) {
            if (ShellWord.hasExpansion(signal)) {
                return TamperRule.tamper(launch, "sets a trap on a signal only known when it runs, which could be DEBUG");
            }
            String name = signal.toUpperCase(Locale.ROOT).replaceFirst("^SIG", "");
            if (name.equals("DEBUG")) {
                return TamperRule.tamper(launch, "changes the DEBUG trap the hook runs as");
            }
            if (name.equals("RETURN")) {
                return TamperRule.tamper(launch, "changes the RETURN trap, which functrace carries into every function the hook follows");
            }
        }
        return Optional.empty();
    }
}

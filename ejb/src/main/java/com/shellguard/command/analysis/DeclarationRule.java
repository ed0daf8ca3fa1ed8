package com.shellguard.command.analysis;

import java.util.Optional;
import java.util.Set;

/**
 * {@code declare}, {@code typeset}, {@code local}, {@code readonly} and {@code export} naming a variable the hook
 * relies on: a value replaces it, {@code +x} / {@code export -n} unexport it (new shells then miss
 * {@code BASH_ENV}), {@code local} and a declaration inside a function shadow it, {@code readonly} stops the hook
 * from restoring it, and a nameref ({@code declare -n ref=BASH_ENV}) writes it under another name. Printing
 * ({@code -p}) and function attributes ({@code -f}, {@code -F}) are fine, and so is a plain {@code export NAME}.
 */
final class DeclarationRule implements TamperRule {

    private static final Set<String> DECLARING = Set.of("declare", "typeset", "local", "readonly", "export");

    @Override
    public Optional<String> check(Launch launch) {
        if (!DECLARING.contains(launch.program())) {
            return Optional.empty();
        }
        BuiltinArguments arguments = BuiltinArguments.of(launch.args());
        if (arguments.hasAny("pfF")) {
            return Optional.empty();
        }
        boolean export = launch.program().equals("export");
        for (String operand : arguments.operands()) {
            boolean harmlessExport = export && !arguments.has('n') && operand.indexOf('=') < 0;
            if (HookNames.isHookVariable(operand) && !harmlessExport) {
                return TamperRule.tamper(launch, "redeclares " + Assignments.target(operand) + ", which the hook relies on");
            }
            int equals = operand.indexOf('=');
            if (!export && arguments.has('n') && equals > 0 && HookNames.isHookVariable(operand.substring(equals + 1))) {
                return TamperRule.tamper(launch, "makes a reference to " + operand.substring(equals + 1) + ", which the hook relies on");
            }
        }
        return Optional.empty();
    }
}

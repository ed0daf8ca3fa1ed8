package com.shellguard.command.analysis;

import java.util.Optional;

/**
 * Calling one of the hook's own functions ({@code __sg_apply_policy}, zsh's {@code TRAPDEBUG}): they keep the
 * hook's state (the policy it caches, the commands it knows need nothing) and are meant to run inside its trap,
 * where nothing watches them. A user who calls one can feed the hook a policy of their own. The stand-ins for
 * {@code bash}, {@code sh} and {@code dash} are the user's to call: they start hooked shells.
 */
final class HookCallRule implements TamperRule {

    @Override
    public Optional<String> check(Launch launch) {
        String program = launch.program();
        if (HookNames.isHookFunction(program) && !HookNames.isStandIn(program)) {
            return TamperRule.tamper(launch, "calls the hook's own function " + program);
        }
        return Optional.empty();
    }
}

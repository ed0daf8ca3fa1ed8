package com.shellguard.command.policy;

import com.shellguard.command.analysis.CommandAnalyzer;
import com.shellguard.command.model.Command;
import com.shellguard.command.model.ShellRole;
import com.shellguard.command.rule.RuleMatch;
import com.shellguard.connector.api.ArgvCut;
import java.util.List;
import java.util.Optional;

/**
 * A program start the exec guard or the supervisor could send only in part ({@link ArgvCut}: more arguments than a hook
 * message holds, or than the layer had memory for), judged as what it is: a command whose end nobody saw. The watched
 * user chooses how long a command line is, so a forbidden word put after enough padding must not pass a rule that
 * never saw it. Such a start is refused whenever a rule could concern the part left out:
 * <ul>
 * <li>any line rule of the session (it matches the whole text, whatever the program);</li>
 * <li>with any rule or an allowlist, a program whose arguments the analysis reads for the programs it runs (a wrapper
 *     such as {@code xargs} or {@code sudo}, a shell's {@code -c} string): the program it runs may be in the part left
 *     out.</li>
 * </ul>
 * A rule on the program's own name or path judges it as usual: the cut changes nothing there. Starts no rule could
 * concern run, and their audit row shows the mark.
 */
final class CutCommandLine {

    private CutCommandLine() {
    }

    /** Why the command cannot be judged on what was sent of it; empty when it can. */
    static Optional<String> unjudgeable(SessionPolicy policy, Command command, Target itself) {
        ShellRole role = command.where().role();
        if (role != ShellRole.GUARD && role != ShellRole.SUPERVISOR) {
            return Optional.empty();
        }
        Optional<ArgvCut> cut = ArgvCut.in(command.text());
        if (cut.isEmpty()) {
            return Optional.empty();
        }
        List<String> lineRules = policy.rules().stream().filter(r -> r.match() == RuleMatch.LINE).map(PolicyRule::name)
                .distinct().toList();
        if (!lineRules.isEmpty()) {
            return Optional.of(cut.get().describe() + ", and line rule " + String.join(", ", lineRules)
                    + " must see all of it; refused");
        }
        if ((policy.allowlist() || !policy.rules().isEmpty()) && itself.names().stream().anyMatch(CommandAnalyzer::readsArguments)) {
            return Optional.of(cut.get().describe() + ", and " + itself.display()
                    + " runs programs its arguments name, which the rules must see; refused");
        }
        return Optional.empty();
    }
}

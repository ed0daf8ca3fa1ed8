package com.shellguard.command.policy;

import com.shellguard.command.analysis.CommandAnalysis;
import com.shellguard.command.rule.BuiltInRules;
import com.shellguard.command.rule.RuleAction;
import com.shellguard.command.model.Command;
import com.shellguard.connector.api.CommandVerdict;
import com.shellguard.connector.api.CommandVerdict.Action;
import java.util.List;
import java.util.Optional;

/**
 * The decision for one command, a pure function of the session's policy, the command and its analysis.
 * <ol>
 * <li>Tampering with the hook blocks the command, with an alert, before any rule is looked at: no rule may
 *     allow switching the control off. An interactive shell of another user ({@code sudo -i}, {@code su -}) counts
 *     as tamper except in the privileged tier, whose supervisor is root's and follows and judges every program that
 *     shell starts (no hook does: sudo and su drop its variables and the exec guard is not loaded into them).</li>
 * <li>A command that hands commands to {@code crontab}, {@code at} or {@code batch} to run later, outside the session,
 *     is refused while any rule applies (or the server runs an allowlist): what it schedules comes from a file,
 *     standard input or an editor the gateway cannot read, and no rule could judge it when it runs.</li>
 * <li>Each program the command runs (the command itself, then what it makes run: {@code sudo rm} runs rm) is
 *     decided on its own: the first ALLOW, BLOCK or TERMINATE rule by priority that matches it decides; with
 *     none, a program on an allowlist server is blocked ({@value BuiltInRules#DEFAULT_ALLOWLIST}), anything else runs.</li>
 * <li>The command gets the strictest of those decisions (TERMINATE, then BLOCK, then ALLOW), so a rule
 *     allowing {@code sudo} never lets {@code sudo rm} past a rule blocking rm.</li>
 * <li>A program start the exec guard or the supervisor could send only in part is refused
 *     ({@value BuiltInRules#COMMAND_TOO_LONG}) where a rule could concern the part left out ({@link CutCommandLine}),
 *     unless a rule already decided something stricter or refused it by name.</li>
 * <li>Every ALERT rule that matches adds an alert, whatever was decided; a command that runs with an alert
 *     names the (first) alert rule.</li>
 * </ol>
 * Only the programs that run are matched, never arguments: {@code echo rm} and {@code man rm} do not match a
 * rule for rm. A line rule matches the command's text, so it applies to every program of the command.
 */
public final class PolicyEvaluator {

    private PolicyEvaluator() {
    }

    private record Outcome(Action action, String rule, String reason) {
    }

    public static CommandVerdict decide(SessionPolicy policy, Command command, CommandAnalysis analysis) {
        Optional<String> tamper = analysis.tamper().or(() -> policy.privilegedTier() ? Optional.empty()
                : analysis.otherUsersShells().stream().findFirst());
        if (tamper.isPresent()) {
            return new CommandVerdict(Action.BLOCK, BuiltInRules.TAMPER_PROTECTION, true, "tampering with the command control: "
                    + tamper.get(), policy.version());
        }
        if (!analysis.unseen().isEmpty() && (policy.allowlist() || !policy.rules().isEmpty())) {
            return new CommandVerdict(Action.BLOCK, BuiltInRules.UNSEEN_SCHEDULE, false, String.join(", ", analysis.unseen())
                    + " schedules commands to run later, outside the session, from input the gateway cannot read; refused"
                    + " while rules apply", policy.version());
        }
        List<Target> targets = Target.of(command, analysis);
        String text = command.text();
        Outcome strictest = null;
        for (Target target : targets) {
            Outcome outcome = decide(policy, target, text);
            if (outcome != null && (strictest == null || outcome.action().compareTo(strictest.action()) > 0)) {
                strictest = outcome;
            }
        }
        Optional<String> unjudgeable = CutCommandLine.unjudgeable(policy, command, targets.get(0));
        if (unjudgeable.isPresent() && (strictest == null || strictest.action().compareTo(Action.BLOCK) < 0)) {
            strictest = new Outcome(Action.BLOCK, BuiltInRules.COMMAND_TOO_LONG, unjudgeable.get());
        }
        List<String> alerts = policy.rules().stream()
                .filter(r -> r.action() == RuleAction.ALERT && targets.stream().anyMatch(t -> r.matches(t, text)))
                .map(PolicyRule::name).toList();
        return verdict(strictest, alerts, policy.version());
    }

    /** The answer for a session the gateway has no record of: its commands do not run. */
    public static CommandVerdict unknownSession(long version) {
        return new CommandVerdict(Action.BLOCK, BuiltInRules.UNKNOWN_SESSION, false, "the gateway has no record of this session", version);
    }

    private static Outcome decide(SessionPolicy policy, Target target, String text) {
        for (PolicyRule rule : policy.rules()) {
            if (rule.action().decides() && rule.matches(target, text)) {
                return new Outcome(switch (rule.action()) {
                    case ALLOW -> Action.ALLOW;
                    case TERMINATE -> Action.TERMINATE;
                    default -> Action.BLOCK;
                }, rule.name(), verb(rule.action()) + " by rule " + rule.name() + " (" + rule.describe() + ")");
            }
        }
        if (policy.allowlist() && target.program()) {
            return new Outcome(Action.BLOCK, BuiltInRules.DEFAULT_ALLOWLIST, target.display() + " is not on this server's allowlist");
        }
        return null;
    }

    private static CommandVerdict verdict(Outcome outcome, List<String> alerts, long version) {
        boolean alert = !alerts.isEmpty();
        if (outcome == null && !alert) {
            return CommandVerdict.allowed(version);
        }
        String alerted = alert ? "alert by rule " + String.join(", ", alerts) : null;
        if (outcome == null) {
            return new CommandVerdict(Action.ALLOW, alerts.get(0), true, alerted, version);
        }
        String reason = alert ? outcome.reason() + "; " + alerted : outcome.reason();
        String rule = outcome.action() == Action.ALLOW && alert ? alerts.get(0) : outcome.rule();
        return new CommandVerdict(outcome.action(), rule, alert, reason, version);
    }

    private static String verb(RuleAction action) {
        return switch (action) {
            case ALLOW -> "allowed";
            case BLOCK -> "blocked";
            case TERMINATE -> "terminated";
            case ALERT -> "alerted";
        };
    }
}

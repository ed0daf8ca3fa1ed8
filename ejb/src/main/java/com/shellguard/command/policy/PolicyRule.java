package com.shellguard.command.policy;

import com.shellguard.command.rule.CommandRule;
import com.shellguard.command.rule.RuleAction;
import com.shellguard.command.rule.RuleMatch;
import com.shellguard.command.rule.RulePatterns;
import java.util.Comparator;
import java.util.Locale;
import java.util.regex.Pattern;

/** A rule as the policy applies it: immutable, its pattern compiled once when the policy is loaded. */
public record PolicyRule(String name, RuleMatch match, String pattern, RuleAction action, RuleScope scope, int priority,
                         Pattern compiled) {

    /** The order rules are tried in: lower priority first, then by name, so the order never depends on chance. */
    public static final Comparator<PolicyRule> ORDER = Comparator.comparingInt(PolicyRule::priority).thenComparing(PolicyRule::name);

    public static PolicyRule of(String name, RuleMatch match, String pattern, RuleAction action, RuleScope scope, int priority) {
        return new PolicyRule(name, match, pattern, action, scope, priority, RulePatterns.compile(match, pattern));
    }

    public static PolicyRule of(CommandRule rule) {
        return of(rule.getName(), rule.getMatch(), rule.getPattern(), rule.getAction(), new RuleScope(rule.getUsers(),
                rule.getGroups(), rule.getServers(), rule.getLabels(), rule.getLogins()), rule.getPriority());
    }

    /**
     * Whether this rule matches one program the command runs; a line rule matches the command's text as written,
     * and as resolved (a symlink under another name runs the program it points to: {@code ./boot} is reboot).
     */
    boolean matches(Target target, String text) {
        return switch (match) {
            case COMMAND -> target.names().stream().anyMatch(n -> compiled.matcher(n).matches());
            case PATH -> target.paths().stream().anyMatch(p -> compiled.matcher(p).matches());
            case LINE -> compiled.matcher(text).find() || target.lines().stream().anyMatch(l -> compiled.matcher(l).find());
        };
    }

    String describe() {
        return match.name().toLowerCase(Locale.ROOT) + " " + pattern;
    }
}

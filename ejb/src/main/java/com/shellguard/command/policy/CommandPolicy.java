package com.shellguard.command.policy;

import com.shellguard.command.rule.CommandDefault;
import java.util.List;
import java.util.Set;

/**
 * The whole command policy at one version, as every node holds it in memory: every rule, in the order they
 * are tried, and the labels whose servers run an allowlist.
 */
public record CommandPolicy(long version, List<PolicyRule> rules, Set<String> allowlistLabels) {

    public static final CommandPolicy EMPTY = new CommandPolicy(0, List.of(), Set.of());

    public CommandPolicy {
        rules = rules.stream().sorted(PolicyRule.ORDER).toList();
        allowlistLabels = Set.copyOf(allowlistLabels);
    }

    /** The part of the policy one session is subject to. */
    public SessionPolicy forSession(SessionScope scope) {
        boolean allowlist = allowlistLabels.contains(CommandDefault.EVERY_SERVER)
                || scope.labels().stream().anyMatch(allowlistLabels::contains);
        return new SessionPolicy(version, rules.stream().filter(r -> r.scope().covers(scope)).toList(), allowlist);
    }
}

package com.shellguard.command.policy;

import com.shellguard.command.rule.CommandDefault;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The whole command policy at one version, as every node holds it in memory: every rule, in the order they
 * are tried, the labels whose servers run an allowlist, the labels whose servers run without the hook, and the
 * labels whose servers run same-account sessions without the supervisor.
 */
public record CommandPolicy(long version, List<PolicyRule> rules, Set<String> allowlistLabels, Set<String> unhookedLabels,
        Set<String> unsupervisedLabels) {

    public static final CommandPolicy EMPTY = new CommandPolicy(0, List.of(), Set.of(), Set.of(), Set.of());

    /** A policy in which every label keeps the supervisor. */
    public CommandPolicy(long version, List<PolicyRule> rules, Set<String> allowlistLabels, Set<String> unhookedLabels) {
        this(version, rules, allowlistLabels, unhookedLabels, Set.of());
    }

    public CommandPolicy {
        rules = rules.stream().sorted(PolicyRule.ORDER).toList();
        allowlistLabels = Set.copyOf(allowlistLabels);
        unhookedLabels = Set.copyOf(unhookedLabels);
        unsupervisedLabels = Set.copyOf(unsupervisedLabels);
    }

    /** The part of the policy one session is subject to. */
    public SessionPolicy forSession(SessionScope scope) {
        return new SessionPolicy(version, rules.stream().filter(r -> r.scope().covers(scope)).toList(),
                appliesTo(allowlistLabels, scope.labels()), scope.privilegedTier());
    }

    /** Whether sessions on a server with these labels get the command hook: yes, unless switched off for them. */
    public boolean hooks(Collection<String> serverLabels) {
        return !appliesTo(unhookedLabels, serverLabels) || appliesTo(allowlistLabels, serverLabels);
    }

    /**
     * Whether same-account sessions on a server with these labels run under the supervisor: yes, unless one of
     * its labels (or {@code *}) switched it off. Strict servers and the privileged tier are the caller's to keep.
     */
    public boolean supervises(Collection<String> serverLabels) {
        return !appliesTo(unsupervisedLabels, serverLabels);
    }

    private static boolean appliesTo(Set<String> labels, Collection<String> serverLabels) {
        return labels.contains(CommandDefault.EVERY_SERVER) || serverLabels.stream().anyMatch(labels::contains);
    }
}

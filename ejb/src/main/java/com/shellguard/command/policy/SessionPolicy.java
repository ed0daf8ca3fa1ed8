package com.shellguard.command.policy;

import com.shellguard.command.rule.RuleMatch;
import com.shellguard.connector.api.CommandPolicySnapshot;
import java.util.List;

/**
 * The rules in one session's scope, in the order they are tried, whether its server runs an allowlist, and whether
 * the session is of the privileged tier ({@link SessionScope#privilegedTier}).
 */
public record SessionPolicy(long version, List<PolicyRule> rules, boolean allowlist, boolean privilegedTier) {

    public SessionPolicy {
        rules = List.copyOf(rules);
    }

    public SessionPolicy(long version, List<PolicyRule> rules, boolean allowlist) {
        this(version, rules, allowlist, false);
    }

    /**
     * What the session's hooks decide locally with: the program names and path globs any rule names (a
     * command matching one is asked), whether line rules apply (then every command is asked) and the mode.
     */
    public CommandPolicySnapshot snapshot() {
        return new CommandPolicySnapshot(version, allowlist, rules.stream().anyMatch(r -> r.match() == RuleMatch.LINE),
                patterns(RuleMatch.COMMAND), patterns(RuleMatch.PATH));
    }

    /** For a session the gateway has no record of: the hook asks about every command, and each is refused. */
    public static CommandPolicySnapshot unknownSession(long version) {
        return new CommandPolicySnapshot(version, true, true, List.of(), List.of());
    }

    private List<String> patterns(RuleMatch match) {
        return rules.stream().filter(r -> r.match() == match).map(PolicyRule::pattern).distinct().sorted().toList();
    }
}

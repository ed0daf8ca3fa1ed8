package com.shellguard.command.rule;

import java.util.Set;

/**
 * What a caller asks a rule to be. Null fields mean "not given": on create match, pattern and action are
 * required and the rest take defaults (empty scope = any, priority {@value CommandRule#DEFAULT_PRIORITY});
 * on update they leave the stored value alone.
 */
public record CommandRuleDraft(String name, RuleMatch match, String pattern, RuleAction action, Set<String> users,
                               Set<String> groups, Set<String> servers, Set<String> labels, Set<String> logins,
                               Integer priority, String description) {
}

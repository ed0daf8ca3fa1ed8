package com.shellguard.command.policy;

import java.util.Collections;
import java.util.Set;

/**
 * Whom and where a rule applies to. Each set left empty means "any"; a session is covered when every set
 * that is not empty names it (its user, one of its user's groups, its server, one of the server's labels,
 * its login).
 */
public record RuleScope(Set<String> users, Set<String> groups, Set<String> servers, Set<String> labels, Set<String> logins) {

    public static final RuleScope ANY = new RuleScope(Set.of(), Set.of(), Set.of(), Set.of(), Set.of());

    public RuleScope {
        users = Set.copyOf(users);
        groups = Set.copyOf(groups);
        servers = Set.copyOf(servers);
        labels = Set.copyOf(labels);
        logins = Set.copyOf(logins);
    }

    public boolean covers(SessionScope session) {
        return names(users, session.user()) && shares(groups, session.groups()) && names(servers, session.server())
                && shares(labels, session.labels()) && names(logins, session.login());
    }

    private static boolean names(Set<String> set, String value) {
        return set.isEmpty() || value != null && set.contains(value);
    }

    private static boolean shares(Set<String> set, Set<String> values) {
        return set.isEmpty() || !Collections.disjoint(set, values);
    }
}

package com.shellguard.command.policy;

import java.util.Set;

/** Who runs a session and where: what rule scopes are matched against. Fixed for the session's life. */
public record SessionScope(String user, Set<String> groups, String server, Set<String> labels, String login) {

    public SessionScope {
        groups = groups == null ? Set.of() : Set.copyOf(groups);
        labels = labels == null ? Set.of() : Set.copyOf(labels);
    }
}

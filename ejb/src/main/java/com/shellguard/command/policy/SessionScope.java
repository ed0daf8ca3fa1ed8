package com.shellguard.command.policy;

import java.util.Set;

/**
 * Who runs a session and where: what rule scopes are matched against. Fixed for the session's life.
 *
 * @param privilegedTier carried by the server's privileged account: the session runs under a supervisor that is root's
 *                       (it does not start without one), which follows what {@code sudo} and {@code su} start
 */
public record SessionScope(String user, Set<String> groups, String server, Set<String> labels, String login,
        boolean privilegedTier) {

    public SessionScope {
        groups = groups == null ? Set.of() : Set.copyOf(groups);
        labels = labels == null ? Set.of() : Set.copyOf(labels);
    }

    /** A session of the same-account tier. */
    public SessionScope(String user, Set<String> groups, String server, Set<String> labels, String login) {
        this(user, groups, server, labels, login, false);
    }
}

package com.shellguard.grant;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The content of a grant: exactly one of user/group, exactly one of server/label, its logins, and the port forwarding
 * it allows ({@code forwarding}: {@code local}, {@code remote}, {@code dynamic}; none by default) to the destinations
 * in {@code forwardTo} (HOST:PORT patterns as the target sees them; {@value #DEFAULT_FORWARD_TO} by default).
 */
public record GrantRule(String user, String group, String server, String label, List<String> logins,
                        Set<String> forwarding, List<String> forwardTo) {

    public static final String DEFAULT_FORWARD_TO = "127.0.0.1:*";

    public GrantRule {
        forwarding = forwarding == null ? Set.of() : forwarding;
        forwardTo = forwardTo == null || forwardTo.isEmpty() ? List.of(DEFAULT_FORWARD_TO) : forwardTo;
    }

    /** A grant without forwarding. */
    public GrantRule(String user, String group, String server, String label, List<String> logins) {
        this(user, group, server, label, logins, Set.of(), List.of());
    }

    public boolean appliesTo(String userName, Collection<String> userGroups, String serverName, Collection<String> serverLabels) {
        boolean who = user != null ? user.equals(userName) : userGroups.contains(group);
        boolean where = server != null ? server.equals(serverName) : serverLabels.contains(label);
        return who && where;
    }
}

package com.shellguard.grant;

import com.shellguard.connector.api.ForwardDestination;
import com.shellguard.connector.api.ForwardKind;
import com.shellguard.connector.api.ForwardingPolicy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The logins a user may use on a server: the union of the logins of every grant that applies to both; and the
 * forwarding those grants allow.
 */
public final class GrantResolver {

    private GrantResolver() {
    }

    public static SortedSet<String> logins(Collection<GrantRule> rules, String user, Collection<String> groups,
                                           String server, Collection<String> labels) {
        SortedSet<String> logins = new TreeSet<>();
        for (GrantRule rule : rules) {
            if (rule.appliesTo(user, groups, server, labels)) {
                logins.addAll(rule.logins());
            }
        }
        return logins;
    }

    /** Every server on which the user has at least one login, by name, with those logins; {@code labelsByServer} lists all servers. */
    public static SortedMap<String, SortedSet<String>> loginsByServer(Collection<GrantRule> rules, String user,
                                                                      Collection<String> groups,
                                                                      Map<String, ? extends Collection<String>> labelsByServer) {
        SortedMap<String, SortedSet<String>> granted = new TreeMap<>();
        labelsByServer.forEach((server, labels) -> {
            SortedSet<String> logins = logins(rules, user, groups, server, labels);
            if (!logins.isEmpty()) {
                granted.put(server, logins);
            }
        });
        return granted;
    }

    /**
     * The port forwarding the user's grants allow as {@code login} on the server: one allowance per grant that gives
     * that login there and allows some forwarding, with that grant's destinations.
     */
    public static ForwardingPolicy forwarding(Collection<GrantRule> rules, String user, Collection<String> groups,
                                              String server, Collection<String> labels, String login) {
        List<ForwardingPolicy.Allowance> allowances = new ArrayList<>();
        for (GrantRule rule : rules) {
            if (rule.appliesTo(user, groups, server, labels) && rule.logins().contains(login) && !rule.forwarding().isEmpty()) {
                Set<ForwardKind> kinds = EnumSet.noneOf(ForwardKind.class);
                rule.forwarding().stream().map(ForwardKind::ofWire).filter(Objects::nonNull).forEach(kinds::add);
                allowances.add(new ForwardingPolicy.Allowance(kinds,
                        rule.forwardTo().stream().map(ForwardDestination::parse).toList()));
            }
        }
        return new ForwardingPolicy(allowances);
    }

    /**
     * The login to use: the requested one if granted, else the only one granted.
     *
     * @throws AccessRefused with the line the user is shown
     */
    public static String chooseLogin(SortedSet<String> granted, String user, String server, String requested) {
        if (granted.isEmpty()) {
            throw new AccessRefused(user + " has no access to " + server);
        }
        if (requested != null) {
            if (!granted.contains(requested)) {
                throw new AccessRefused(user + " may not log in as " + requested + " on " + server);
            }
            return requested;
        }
        if (granted.size() > 1) {
            throw new AccessRefused(user + " has several logins on " + server + " (" + String.join(", ", granted)
                    + "): use " + user + "@LOGIN@" + server);
        }
        return granted.first();
    }
}

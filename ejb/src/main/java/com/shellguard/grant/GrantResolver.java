package com.shellguard.grant;

import java.util.Collection;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/** The logins a user may use on a server: the union of the logins of every grant that applies to both. */
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

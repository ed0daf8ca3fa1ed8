package com.shellguard.grant;

import java.util.Collection;
import java.util.SortedSet;
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

package com.shellguard.grant;

import java.util.Collection;
import java.util.List;

/** The content of a grant: exactly one of user/group, exactly one of server/label, and its logins. */
public record GrantRule(String user, String group, String server, String label, List<String> logins) {

    public boolean appliesTo(String userName, Collection<String> userGroups, String serverName, Collection<String> serverLabels) {
        boolean who = user != null ? user.equals(userName) : userGroups.contains(group);
        boolean where = server != null ? server.equals(serverName) : serverLabels.contains(label);
        return who && where;
    }
}

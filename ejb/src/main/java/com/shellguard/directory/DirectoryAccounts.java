package com.shellguard.directory;

import com.shellguard.common.Clock;
import com.shellguard.user.GatewayUser;
import com.shellguard.user.Role;
import com.shellguard.user.UserGroup;
import com.shellguard.user.UserRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Set;

/**
 * Keeps directory accounts as the directory has them: a person the directory let in becomes a gateway account on
 * their first login (marked as the directory's, without a local password), and at every login their role and
 * groups are set from their directory groups, added and removed, so grants written for groups follow the directory.
 * A mapped gateway group that does not exist yet is created. Someone the directory no longer has active keeps the
 * account (their keys, their audit) but loses its role and groups, so a console session of theirs ends at its next
 * request.
 */
@Stateless
public class DirectoryAccounts {

    @Inject
    UserRepository users;

    @Inject
    DirectorySettings settings;

    /** The gateway account of a person the directory just let in, made or brought up to date. */
    public GatewayUser admit(String name, DirectoryPerson person) {
        GatewayUser user = users.find(name).orElseGet(() -> {
            GatewayUser made = new GatewayUser(name, Clock.now());
            made.becomeDirectoryAccount();
            users.add(made);
            return made;
        });
        follow(user, person);
        return user;
    }

    /** Sets a directory account's role and groups from the person's directory groups. */
    public void follow(GatewayUser user, DirectoryPerson person) {
        DirectoryGroupMapping mapping = settings.config().mapping();
        Set<String> groups = mapping.gatewayGroups(person.groups(), users.allGroups().stream().map(UserGroup::getName).toList());
        for (String group : groups) {
            if (users.findGroup(group).isEmpty()) {
                users.addGroup(new UserGroup(group, Clock.now()));
            }
        }
        set(user, mapping.role(person.groups()), groups);
    }

    /** The directory no longer has the person active: no role beyond USER, no groups. */
    public void dismiss(GatewayUser user) {
        set(user, Role.USER, Set.of());
    }

    private static void set(GatewayUser user, Role role, Set<String> groups) {
        if (user.getRole() != role) {
            user.setRole(role);
        }
        if (!user.getGroups().equals(groups)) {
            user.setGroups(groups);
        }
    }
}

package com.shellguard.user;

import com.shellguard.common.Clock;
import com.shellguard.common.ConflictException;
import com.shellguard.common.Names;
import com.shellguard.common.NotFoundException;
import com.shellguard.common.ValidationException;
import com.shellguard.grant.GrantRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Creating, changing and removing users and groups, with the rules that keep them consistent. */
@Stateless
public class UserService {

    @Inject
    UserRepository users;

    @Inject
    GrantRepository grants;

    public GatewayUser create(UserDraft draft) {
        String name = Names.require("username", draft.username());
        if (users.find(name).isPresent()) {
            throw new ConflictException("user " + name + " exists already");
        }
        GatewayUser user = new GatewayUser(name, Clock.now());
        apply(user, draft);
        users.add(user);
        return user;
    }

    public GatewayUser update(String username, UserDraft draft) {
        GatewayUser user = get(username);
        if (draft.username() != null && !draft.username().equals(username)) {
            throw new ValidationException("username cannot be changed (" + username + ")");
        }
        apply(user, draft);
        return user;
    }

    public void delete(String username) {
        GatewayUser user = get(username);
        if (user.getRole() == Role.ADMIN && users.countWithRole(Role.ADMIN) == 1) {
            throw new ValidationException("cannot delete the last admin account");
        }
        grants.removeForUser(username);
        users.remove(user);
    }

    public GatewayUser get(String username) {
        return users.find(username).orElseThrow(() -> new NotFoundException("no user " + username));
    }

    public List<GatewayUser> list() {
        return users.all();
    }

    private void apply(GatewayUser user, UserDraft draft) {
        if (draft.password() != null) {
            if (draft.password().length() < 8) {
                throw new ValidationException("password must be at least 8 characters");
            }
            user.changePassword(draft.password());
        }
        if (draft.publicKeys() != null) {
            user.setPublicKeys(validKeys(draft.publicKeys()));
        }
        if (draft.role() != null) {
            if (user.getRole() == Role.ADMIN && draft.role() != Role.ADMIN && users.countWithRole(Role.ADMIN) == 1
                    && users.find(user.getUsername()).isPresent()) {
                throw new ValidationException("cannot take the admin role from the last admin account");
            }
            user.setRole(draft.role());
        }
        if (draft.groups() != null) {
            Set<String> groups = new TreeSet<>();
            for (String g : draft.groups()) {
                groups.add(Names.require("groups[]", g));
                ensureGroup(g);
            }
            user.setGroups(groups);
        }
        if (draft.enabled() != null) {
            user.setEnabled(draft.enabled());
        }
    }

    private static List<String> validKeys(List<String> keys) {
        List<String> valid = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            try {
                SshPublicKey.parse(keys.get(i));
                valid.add(keys.get(i).trim());
            } catch (IllegalArgumentException e) {
                throw new ValidationException("publicKeys[" + i + "] is not a valid OpenSSH public key: " + e.getMessage());
            }
        }
        return valid;
    }

    // groups

    public record GroupView(String name, List<String> members) {
    }

    public GroupView createGroup(String name, List<String> members) {
        Names.require("name", name);
        if (users.findGroup(name).isPresent()) {
            throw new ConflictException("group " + name + " exists already");
        }
        users.addGroup(new UserGroup(name, Clock.now()));
        return setMembers(name, members == null ? List.of() : members);
    }

    public GroupView updateGroup(String name, List<String> members) {
        group(name);
        return members == null ? getGroup(name) : setMembers(name, members);
    }

    public void deleteGroup(String name) {
        UserGroup group = group(name);
        users.inGroup(name).forEach(u -> u.leaveGroup(name));
        grants.removeForGroup(name);
        users.removeGroup(group);
    }

    public GroupView getGroup(String name) {
        group(name);
        return new GroupView(name, users.inGroup(name).stream().map(GatewayUser::getUsername).toList());
    }

    public List<GroupView> listGroups() {
        return users.allGroups().stream().map(g -> getGroup(g.getName())).toList();
    }

    private GroupView setMembers(String name, List<String> members) {
        List<GatewayUser> wanted = new ArrayList<>();
        for (String member : members) {
            wanted.add(users.find(member).orElseThrow(() -> new ValidationException("members: no user " + member)));
        }
        users.inGroup(name).stream().filter(u -> !wanted.contains(u)).forEach(u -> u.leaveGroup(name));
        wanted.forEach(u -> u.joinGroup(name));
        return new GroupView(name, wanted.stream().map(GatewayUser::getUsername).sorted().toList());
    }

    private UserGroup group(String name) {
        return users.findGroup(name).orElseThrow(() -> new NotFoundException("no group " + name));
    }

    private void ensureGroup(String name) {
        if (users.findGroup(name).isEmpty()) {
            users.addGroup(new UserGroup(name, Clock.now()));
        }
    }
}

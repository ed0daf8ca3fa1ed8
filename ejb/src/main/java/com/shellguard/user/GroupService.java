package com.shellguard.user;

import com.shellguard.access.AccessApprovers;
import com.shellguard.adminaudit.AdminChangeRecorder;
import com.shellguard.adminaudit.ChangeFields;
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

/** Groups and their members; membership itself is stored on each user. */
@Stateless
public class GroupService {

    @Inject
    UserRepository users;

    @Inject
    GrantRepository grants;

    @Inject
    AdminChangeRecorder changes;

    @Inject
    AccessApprovers approvers;

    public GroupMembers create(String name, List<String> members) {
        Names.require("name", name);
        if (users.findGroup(name).isPresent()) {
            throw new ConflictException("group " + name + " exists already");
        }
        users.addGroup(new UserGroup(name, Clock.now()));
        GroupMembers created = setMembers(name, members == null ? List.of() : members);
        changes.record("group", name, "create", null, fields(created));
        return created;
    }

    public GroupMembers update(String name, List<String> members) {
        GroupMembers before = get(name);
        if (members == null) {
            return before;
        }
        GroupMembers after = setMembers(name, members);
        changes.record("group", name, "update", fields(before), fields(after));
        return after;
    }

    public void delete(String name) {
        UserGroup group = group(name);
        changes.record("group", name, "delete", fields(get(name)), null);
        users.inGroup(name).forEach(u -> u.leaveGroup(name));
        grants.removeForGroup(name);
        approvers.forgetGroup(name);
        users.removeGroup(group);
    }

    public GroupMembers get(String name) {
        group(name);
        return new GroupMembers(name, users.inGroup(name).stream().map(GatewayUser::getUsername).toList());
    }

    public List<GroupMembers> list() {
        return users.allGroups().stream().map(g -> get(g.getName())).toList();
    }

    private static ChangeFields fields(GroupMembers group) {
        return ChangeFields.of().put("members", new java.util.TreeSet<>(group.members()));
    }

    private GroupMembers setMembers(String name, List<String> members) {
        List<GatewayUser> wanted = new ArrayList<>();
        for (String member : members) {
            wanted.add(users.find(member).orElseThrow(() -> new ValidationException("members: no user " + member)));
        }
        users.inGroup(name).stream().filter(u -> !wanted.contains(u)).forEach(u -> u.leaveGroup(name));
        wanted.forEach(u -> u.joinGroup(name));
        return new GroupMembers(name, wanted.stream().map(GatewayUser::getUsername).distinct().sorted().toList());
    }

    private UserGroup group(String name) {
        return users.findGroup(name).orElseThrow(() -> new NotFoundException("no group " + name));
    }
}

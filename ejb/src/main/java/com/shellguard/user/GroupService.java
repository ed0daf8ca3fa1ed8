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

/** Groups and their members; membership itself is stored on each user. */
@Stateless
public class GroupService {

    @Inject
    UserRepository users;

    @Inject
    GrantRepository grants;

    public GroupMembers create(String name, List<String> members) {
        Names.require("name", name);
        if (users.findGroup(name).isPresent()) {
            throw new ConflictException("group " + name + " exists already");
        }
        users.addGroup(new UserGroup(name, Clock.now()));
        return setMembers(name, members == null ? List.of() : members);
    }

    public GroupMembers update(String name, List<String> members) {
        group(name);
        return members == null ? get(name) : setMembers(name, members);
    }

    public void delete(String name) {
        UserGroup group = group(name);
        users.inGroup(name).forEach(u -> u.leaveGroup(name));
        grants.removeForGroup(name);
        users.removeGroup(group);
    }

    public GroupMembers get(String name) {
        group(name);
        return new GroupMembers(name, users.inGroup(name).stream().map(GatewayUser::getUsername).toList());
    }

    public List<GroupMembers> list() {
        return users.allGroups().stream().map(g -> get(g.getName())).toList();
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

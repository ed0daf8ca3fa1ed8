package com.shellguard.console.users;

import com.shellguard.console.AdminOnly;
import com.shellguard.console.EditorPage;
import com.shellguard.user.GroupMembers;
import com.shellguard.user.GroupService;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;

/** Groups and their members: the list, and one form to create a group or change the members of the one picked. */
@Named
@ViewScoped
public class GroupsPage extends EditorPage<GroupMembers> {

    private static final long serialVersionUID = 1L;

    @Inject
    GroupService groups;

    private String name;
    private List<String> members = new ArrayList<>();

    @Override
    protected List<GroupMembers> loadRows() {
        return groups.list();
    }

    public void edit(String group) {
        GroupMembers g = groups.get(group);
        editing = g.name();
        name = g.name();
        members = new ArrayList<>(g.members());
    }

    public void startNew() {
        editing = null;
        name = null;
        members = new ArrayList<>();
    }

    @AdminOnly
    public void save() {
        if (saved("group " + name, () -> groups.create(name, members), () -> groups.update(editing, members))) {
            edit(name);
        }
    }

    @AdminOnly
    public void delete(String group) {
        deleted("group " + group, group, () -> groups.delete(group));
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public List<String> getMembers() {
        return members;
    }

    public void setMembers(List<String> members) {
        this.members = members == null ? new ArrayList<>() : members;
    }
}

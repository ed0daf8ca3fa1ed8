package com.shellguard.console.users;

import com.shellguard.console.AdminOnly;
import com.shellguard.console.Feedback;
import com.shellguard.user.GroupMembers;
import com.shellguard.user.GroupService;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** Groups and their members: the list, and one form to create a group or change the members of the one picked. */
@Named
@ViewScoped
public class GroupsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    GroupService groups;

    private transient List<GroupMembers> rows;
    private String editing;
    private String name;
    private List<String> members = new ArrayList<>();

    public List<GroupMembers> getRows() {
        if (rows == null) {
            rows = groups.list();
        }
        return rows;
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
        boolean creating = editing == null;
        if (Feedback.attempt(() -> {
            if (creating) {
                groups.create(name, members);
            } else {
                groups.update(editing, members);
            }
        }, (creating ? "Created group " : "Saved group ") + name + ".")) {
            edit(name);
            rows = null;
        }
    }

    @AdminOnly
    public void delete(String group) {
        if (Feedback.attempt(() -> groups.delete(group), "Deleted group " + group + ".")) {
            if (group.equals(editing)) {
                startNew();
            }
            rows = null;
        }
    }

    public String getEditing() {
        return editing;
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

package com.shellguard.console.users;

import com.shellguard.console.AdminOnly;
import com.shellguard.console.Feedback;
import com.shellguard.console.Lines;
import com.shellguard.user.GatewayUser;
import com.shellguard.user.Role;
import com.shellguard.user.UserDraft;
import com.shellguard.user.UserService;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Users: the list, and one form that creates a user or edits the one picked. The password field is write-only:
 * left empty on an edit, the stored password stays.
 */
@Named
@ViewScoped
public class UsersPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    UserService users;

    private transient List<GatewayUser> rows;
    private String editing;
    private String username;
    private String password;
    private Role role = Role.USER;
    private List<String> groups = new ArrayList<>();
    private String publicKeys;
    private boolean enabled = true;

    public List<GatewayUser> getRows() {
        if (rows == null) {
            rows = users.list();
        }
        return rows;
    }

    public void edit(String name) {
        GatewayUser u = users.get(name);
        editing = u.getUsername();
        username = u.getUsername();
        password = null;
        role = u.getRole();
        groups = new ArrayList<>(u.getGroups());
        publicKeys = Lines.join(u.getPublicKeys());
        enabled = u.isEnabled();
    }

    public void startNew() {
        editing = null;
        username = null;
        password = null;
        role = Role.USER;
        groups = new ArrayList<>();
        publicKeys = null;
        enabled = true;
    }

    @AdminOnly
    public void save() {
        UserDraft draft = new UserDraft(username, password == null || password.isEmpty() ? null : password, Lines.of(publicKeys),
                role, new LinkedHashSet<>(groups), enabled);
        boolean creating = editing == null;
        if (Feedback.attempt(() -> {
            if (creating) {
                users.create(draft);
            } else {
                users.update(editing, draft);
            }
        }, (creating ? "Created user " : "Saved user ") + username + ".")) {
            edit(username);
            rows = null;
        }
    }

    @AdminOnly
    public void delete(String name) {
        if (Feedback.attempt(() -> users.delete(name), "Deleted user " + name + ".")) {
            if (name.equals(editing)) {
                startNew();
            }
            rows = null;
        }
    }

    public Role[] getRoles() {
        return Role.values();
    }

    public String getEditing() {
        return editing;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return null;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public Role getRole() {
        return role;
    }

    public void setRole(Role role) {
        this.role = role;
    }

    public List<String> getGroups() {
        return groups;
    }

    public void setGroups(List<String> groups) {
        this.groups = groups == null ? new ArrayList<>() : groups;
    }

    public String getPublicKeys() {
        return publicKeys;
    }

    public void setPublicKeys(String publicKeys) {
        this.publicKeys = publicKeys;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}

package com.shellguard.console.users;

import com.shellguard.console.AdminOnly;
import com.shellguard.console.EditorPage;
import com.shellguard.console.Lines;
import com.shellguard.user.GatewayUser;
import com.shellguard.user.Role;
import com.shellguard.user.UserDraft;
import com.shellguard.user.UserService;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Users: the list, and one form that creates a user or edits the one picked. The password field is write-only:
 * left empty on an edit, the stored password stays.
 */
@Named
@ViewScoped
public class UsersPage extends EditorPage<GatewayUser> {

    private static final long serialVersionUID = 1L;

    @Inject
    UserService users;

    private String username;
    private String password;
    private Role role = Role.USER;
    private List<String> groups = new ArrayList<>();
    private String publicKeys;
    private boolean enabled = true;

    @Override
    protected List<GatewayUser> loadRows() {
        return users.list();
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
        if (saved("user " + username, () -> users.create(draft), () -> users.update(editing, draft))) {
            edit(username);
        }
    }

    @AdminOnly
    public void delete(String name) {
        deleted("user " + name, name, () -> users.delete(name));
    }

    public Role[] getRoles() {
        return Role.values();
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

package com.shellguard.console.users;

import com.shellguard.console.AdminOnly;
import com.shellguard.console.EditorPage;
import com.shellguard.console.Feedback;
import com.shellguard.console.Lines;
import com.shellguard.totp.TotpEnrolments;
import com.shellguard.totp.TotpIssued;
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
 * left empty on an edit, the stored password stays. The user's second factor: its state, and for admins enrolment
 * (the QR code, the secret and the recovery codes, shown while this page is open and never again), the confirming
 * code, and removal.
 */
@Named
@ViewScoped
public class UsersPage extends EditorPage<GatewayUser> {

    private static final long serialVersionUID = 1L;

    @Inject
    UserService users;

    @Inject
    TotpEnrolments secondFactors;

    private String username;
    private String password;
    private Role role = Role.USER;
    private List<String> groups = new ArrayList<>();
    private String publicKeys;
    private boolean enabled = true;
    private TotpIssued issued;
    private String confirmCode;

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
        if (issued != null && !issued.username().equals(editing)) {
            issued = null;
        }
    }

    public void startNew() {
        editing = null;
        username = null;
        password = null;
        role = Role.USER;
        groups = new ArrayList<>();
        publicKeys = null;
        enabled = true;
        issued = null;
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

    /** "active", "pending" (enrolled, not confirmed) or "none", for the user being edited. */
    public String getSecondFactor() {
        if (editing == null) {
            return "none";
        }
        return secondFactors.isActive(editing) ? "active" : secondFactors.isPending(editing) ? "pending" : "none";
    }

    public int getRecoveryCodesLeft() {
        return editing == null ? 0 : secondFactors.recoveryCodesLeft(editing);
    }

    @AdminOnly
    public void enrolSecondFactor() {
        String name = editing;
        Feedback.attempt(() -> issued = secondFactors.enrol(name),
                "Scan the QR code with an authenticator app, keep the recovery codes, and confirm with a code.");
    }

    @AdminOnly
    public void confirmSecondFactor() {
        String name = editing;
        String code = confirmCode;
        if (Feedback.attempt(() -> secondFactors.confirm(name, code), "The second factor of " + name + " is active.")) {
            issued = null;
        }
    }

    @AdminOnly
    public void removeSecondFactor() {
        String name = editing;
        if (Feedback.attempt(() -> secondFactors.remove(name), "Removed the second factor of " + name + ".")) {
            issued = null;
        }
    }

    /** What the enrolment just issued, while it is not confirmed; null otherwise. */
    public TotpIssued getIssued() {
        return issued != null && issued.username().equals(editing) ? issued : null;
    }

    public String getQrCode() {
        return getIssued() == null ? null : QrCodeImage.dataUri(issued.uri());
    }

    public String getConfirmCode() {
        return null;
    }

    public void setConfirmCode(String confirmCode) {
        this.confirmCode = confirmCode;
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

package com.shellguard.user;

import com.shellguard.access.AccessRequestService;
import com.shellguard.adminaudit.AdminActor;
import com.shellguard.adminaudit.AdminChangeRecorder;
import com.shellguard.adminaudit.ChangeFields;
import com.shellguard.common.Clock;
import com.shellguard.common.ConflictException;
import com.shellguard.common.Names;
import com.shellguard.common.NotFoundException;
import com.shellguard.common.ValidationException;
import com.shellguard.grant.GrantRepository;
import com.shellguard.openssh.SshPublicKey;
import com.shellguard.token.ApiTokenRepository;
import com.shellguard.totp.TotpEnrolments;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Creating, changing and removing users, with the rules that keep them consistent. */
@Stateless
public class UserService {

    @Inject
    UserRepository users;

    @Inject
    GrantRepository grants;

    @Inject
    ApiTokenRepository tokens;

    @Inject
    TotpEnrolments secondFactors;

    @Inject
    AdminChangeRecorder changes;

    @Inject
    AdminActor actor;

    @Inject
    AccessRequestService accessRequests;

    public GatewayUser create(UserDraft draft) {
        String name = Names.requireUsername("username", draft.username());
        if (users.find(name).isPresent()) {
            throw new ConflictException("user " + name + " exists already");
        }
        GatewayUser user = new GatewayUser(name, Clock.now());
        apply(user, draft);
        users.add(user);
        changes.record("user", name, "create", null, fields(user));
        return user;
    }

    public GatewayUser update(String username, UserDraft draft) {
        GatewayUser user = get(username);
        if (draft.username() != null && !draft.username().equals(username)) {
            throw new ValidationException("username cannot be changed (" + username + ")");
        }
        ChangeFields before = fields(user);
        apply(user, draft);
        changes.record("user", username, "update", before, fields(user));
        return user;
    }

    public void delete(String username) {
        GatewayUser user = get(username);
        keepAnAdmin(user, "delete");
        changes.record("user", username, "delete", fields(user), null);
        grants.removeForUser(username);
        accessRequests.withdrawAllOf(username, actor.known() ? actor.user() : "shellguard");
        tokens.removeForOwner(username);
        secondFactors.remove(username); // a new account of the same name must not inherit it
        users.remove(user);
    }

    /**
     * Frees a federated account from the provider person it is bound to, so that the next single sign-on as its name
     * binds it anew: for a person the provider re-created, or a provider that was replaced. Closes the key window too.
     */
    public GatewayUser unbindSignOn(String username) {
        GatewayUser user = get(username);
        if (!user.isFederated()) {
            throw new ValidationException(username + " is not a federated account: single sign-on never opens it");
        }
        ChangeFields before = ChangeFields.of().put("ssoIssuer", user.getSsoIssuer()).put("ssoSubject", user.getSsoSubject());
        user.unbindSignOn();
        changes.record("user", username, "unbind single sign-on", before, ChangeFields.of().put("ssoIssuer", null).put("ssoSubject", null));
        return user;
    }

    public GatewayUser get(String username) {
        return users.find(username).orElseThrow(() -> new NotFoundException("no user " + username));
    }

    public List<GatewayUser> list() {
        return users.all();
    }

    private void apply(GatewayUser user, UserDraft draft) {
        if (draft.password() != null) {
            if (user.isDirectory()) {
                throw new ValidationException(user.getUsername() + " is a directory account: the directory checks its password");
            }
            if (user.isFederated()) {
                throw new ValidationException(user.getUsername() + " signs on at the identity provider and has no password here");
            }
            if (draft.password().length() < 8) {
                throw new ValidationException("password must be at least 8 characters");
            }
            user.changePassword(draft.password());
        }
        if (draft.publicKeys() != null) {
            user.setPublicKeys(validKeys(draft.publicKeys()));
        }
        if (draft.role() != null) {
            if (draft.role() != Role.ADMIN) {
                keepAnAdmin(user, "take the admin role from");
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
            if (!draft.enabled()) {
                keepAnAdmin(user, "disable");
            }
            user.setEnabled(draft.enabled());
        }
    }

    /** A user as the admin audit shows it: keys by fingerprint, the password only as set or changed. */
    public static ChangeFields fields(GatewayUser user) {
        return ChangeFields.of().put("role", user.getRole()).put("enabled", user.isEnabled())
                .put("directory", user.isDirectory()).put("groups", user.getGroups())
                .put("publicKeys", user.getPublicKeys().stream().map(UserService::keyFingerprint).toList())
                .secret("password", user.passwordStamp());
    }

    private static String keyFingerprint(String key) {
        try {
            SshPublicKey k = SshPublicKey.parse(key);
            return k.type() + " " + k.fingerprint();
        } catch (IllegalArgumentException e) {
            return "(unreadable key)";
        }
    }

    /** Without an enabled admin nobody could manage the gateway any more, short of editing the database. */
    private void keepAnAdmin(GatewayUser user, String action) {
        if (user.getRole() == Role.ADMIN && user.isEnabled() && users.countEnabledWithRole(Role.ADMIN) == 1) {
            throw new ValidationException("cannot " + action + " the last admin account");
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

    private void ensureGroup(String name) {
        if (users.findGroup(name).isEmpty()) {
            users.addGroup(new UserGroup(name, Clock.now()));
        }
    }
}

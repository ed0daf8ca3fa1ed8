package com.shellguard.provisioning;

import com.shellguard.adminaudit.AdminChangeRecorder;
import com.shellguard.adminaudit.ChangeFields;
import com.shellguard.audit.AuditQuery;
import com.shellguard.audit.AuditRepository;
import com.shellguard.audit.SessionRecord;
import com.shellguard.audit.SessionStatus;
import com.shellguard.common.Clock;
import com.shellguard.common.ConflictException;
import com.shellguard.common.Names;
import com.shellguard.common.NotFoundException;
import com.shellguard.common.ValidationException;
import com.shellguard.session.TerminationRequest;
import com.shellguard.session.TerminationRequests;
import com.shellguard.user.EmailAddress;
import com.shellguard.user.GatewayUser;
import com.shellguard.user.GroupService;
import com.shellguard.user.Role;
import com.shellguard.user.UserDraft;
import com.shellguard.user.UserGroup;
import com.shellguard.user.UserRepository;
import com.shellguard.user.UserService;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Users and groups as an identity provider creates, replaces and removes them; the rules are in the package doc. */
@Stateless
public class Provisioning {

    @Inject
    UserRepository users;

    @Inject
    UserService userService;

    @Inject
    GroupService groupService;

    @Inject
    AuditRepository audit;

    @Inject
    TerminationRequests terminations;

    @Inject
    AdminChangeRecorder changes;

    public GatewayUser createUser(PersonDraft draft, String by) {
        String name = Names.requireUsername("userName", draft.userName());
        if (users.find(name).isPresent()) {
            throw new ConflictException("user " + name + " exists already");
        }
        GatewayUser user = userService.create(new UserDraft(name, draft.password(), null, Role.USER, null,
                draft.active() == null || draft.active()));
        user.becomeScimManaged();
        applyProfile(user, draft);
        return user;
    }

    public GatewayUser replaceUser(String id, PersonDraft draft, String by) {
        GatewayUser user = user(id);
        requireWritable(user);
        if (draft.userName() != null && !draft.userName().equals(user.getUsername())) {
            throw new ImmutableAttributeException("userName cannot be changed (" + user.getUsername() + "): SSH logins and grants name it");
        }
        boolean wasEnabled = user.isEnabled();
        userService.update(user.getUsername(), new UserDraft(null, draft.password(), null, null, null, draft.active()));
        user.becomeScimManaged();
        applyProfile(user, draft);
        if (wasEnabled && !user.isEnabled()) {
            endSessionsOf(user.getUsername(), by);
        }
        return user;
    }

    public void deleteUser(String id, String by) {
        GatewayUser user = user(id);
        requireWritable(user);
        endSessionsOf(user.getUsername(), by);
        userService.delete(user.getUsername());
    }

    public GatewayUser user(String id) {
        return users.findById(id).orElseThrow(() -> new NotFoundException("no user with id " + id));
    }

    public List<GatewayUser> users() {
        return users.all();
    }

    public UserGroup createGroup(GroupDraft draft) {
        String name = Names.require("displayName", draft.displayName());
        if (users.findGroup(name).isPresent()) {
            throw new ConflictException("group " + name + " exists already");
        }
        groupService.create(name, List.of());
        UserGroup group = users.findGroup(name).orElseThrow();
        group.setExternalId(draft.externalId());
        setMembers(group, draft.memberIds());
        return group;
    }

    public UserGroup replaceGroup(String id, GroupDraft draft) {
        UserGroup group = group(id);
        if (draft.displayName() != null && !draft.displayName().equals(group.getName())) {
            throw new ImmutableAttributeException("displayName cannot be changed (" + group.getName() + "): grants name the group");
        }
        group.setExternalId(draft.externalId());
        setMembers(group, draft.memberIds());
        return group;
    }

    public void deleteGroup(String id) {
        groupService.delete(group(id).getName());
    }

    public UserGroup group(String id) {
        return users.findGroupById(id).orElseThrow(() -> new NotFoundException("no group with id " + id));
    }

    public List<UserGroup> groups() {
        return users.allGroups();
    }

    public List<GatewayUser> members(UserGroup group) {
        return users.inGroup(group.getName());
    }

    /**
     * Members SCIM may write join or leave; members it may not (directory accounts, admins, auditors) stay as they are
     * when a replace leaves them out, and may not be added.
     */
    private void setMembers(UserGroup group, List<String> memberIds) {
        if (memberIds == null) {
            return;
        }
        Set<GatewayUser> wanted = new LinkedHashSet<>();
        for (String memberId : memberIds) {
            wanted.add(users.findById(memberId).orElseThrow(() -> new ValidationException("members: no user with id " + memberId)));
        }
        List<GatewayUser> current = users.inGroup(group.getName());
        Set<String> before = names(current);
        for (GatewayUser member : current) {
            if (!wanted.contains(member) && refusal(member) == null) {
                member.leaveGroup(group.getName());
            }
        }
        for (GatewayUser member : wanted) {
            if (!current.contains(member)) {
                requireWritable(member);
                member.joinGroup(group.getName());
            }
        }
        Set<String> after = names(users.inGroup(group.getName()));
        if (!after.equals(before)) { // members join and leave here, not through GroupService: the audit is written here
            changes.record("group", group.getName(), "update", ChangeFields.of().put("members", before),
                    ChangeFields.of().put("members", after));
        }
    }

    private static Set<String> names(List<GatewayUser> members) {
        return members.stream().map(GatewayUser::getUsername).collect(Collectors.toCollection(TreeSet::new));
    }

    private static void applyProfile(GatewayUser user, PersonDraft draft) {
        user.setExternalId(limited("externalId", draft.externalId()));
        user.setDisplayName(limited("displayName", draft.displayName()));
        List<EmailAddress> emails = draft.emails() == null ? List.of() : draft.emails();
        emails.forEach(e -> limited("emails.value", e.address()));
        user.setEmails(emails);
    }

    private static String limited(String field, String value) {
        if (value != null && value.length() > 256) {
            throw new ValidationException(field + " must be at most 256 characters");
        }
        return value;
    }

    private void requireWritable(GatewayUser user) {
        String refusal = refusal(user);
        if (refusal != null) {
            throw new ProvisioningRefusedException(refusal);
        }
    }

    private static String refusal(GatewayUser user) {
        if (user.isDirectory()) {
            return user.getUsername() + " is a directory (LDAP) account: the directory is its source, not SCIM";
        }
        if (user.getRole() != Role.USER) {
            return user.getUsername() + " is an " + user.getRole() + " account: SCIM provisions only USER accounts"
                    + " (admins and auditors are managed in the console or /api/v1)";
        }
        return null;
    }

    /** A deactivated or removed person's live SSH sessions end now, on whichever node relays them. */
    private void endSessionsOf(String username, String by) {
        for (SessionRecord s : audit.sessions(new AuditQuery(username, null, true, null, null, AuditQuery.MAX_LIMIT, 0))) {
            if (s.getStatus() == SessionStatus.OPEN && s.getEnded() == null && username.equals(s.getUserName())
                    && terminations.sessionsOn(s.getGatewayNode()).stream().noneMatch(s.getId()::equals)) {
                terminations.add(new TerminationRequest(s.getId(), s.getGatewayNode(), by, Clock.now()));
            }
        }
    }
}

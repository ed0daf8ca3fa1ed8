package com.shellguard.access;

import com.shellguard.adminaudit.AdminChangeRecorder;
import com.shellguard.adminaudit.ChangeFields;

import com.shellguard.common.Names;
import com.shellguard.common.NotFoundException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who decides requests for a label's servers, beside the admins: one group per label ({@code *}: every server).
 * Setting one also makes the label's servers requestable from the SSH menu.
 */
@Stateless
public class AccessApprovers {

    public static final String EVERY_SERVER = "*";

    @Inject
    AccessRequests store;

    @Inject
    AdminChangeRecorder changes;

    public List<AccessApprover> list() {
        return store.approvers();
    }

    public AccessApprover get(String label) {
        return store.approver(label).orElseThrow(() -> new NotFoundException("no approver group for label " + label));
    }

    public AccessApprover set(String label, String group) {
        if (!EVERY_SERVER.equals(label)) {
            Names.require("label", label);
        }
        Names.require("group", group);
        AccessApprover approver = store.approver(label).orElse(null);
        ChangeFields before = approver == null ? null : fields(approver);
        if (approver == null) {
            approver = new AccessApprover(label, group);
            store.add(approver);
        } else {
            approver.setGroup(group);
        }
        changes.record("access-approver", label, before == null ? "create" : "update", before, fields(approver));
        return approver;
    }

    public void delete(String label) {
        AccessApprover approver = get(label);
        changes.record("access-approver", label, "delete", fields(approver), null);
        store.remove(approver);
    }

    /**
     * A deleted group decides nothing any more: its labels lose their approver group (a new group of the same name
     * must be named again by an admin, or it would inherit the power to approve).
     */
    public void forgetGroup(String group) {
        for (AccessApprover approver : store.approvers()) {
            if (approver.getGroup().equals(group)) {
                changes.record("access-approver", approver.getLabel(), "delete", fields(approver), null);
                store.remove(approver);
            }
        }
    }

    private static ChangeFields fields(AccessApprover approver) {
        return ChangeFields.of().put("label", approver.getLabel()).put("group", approver.getGroup());
    }

    /** The approver groups for a server with these labels (and those of {@code *}). */
    public Set<String> groupsFor(Collection<String> labels) {
        Set<String> groups = new TreeSet<>();
        for (AccessApprover a : store.approvers()) {
            if (a.getLabel().equals(EVERY_SERVER) || labels.contains(a.getLabel())) {
                groups.add(a.getGroup());
            }
        }
        return groups;
    }
}

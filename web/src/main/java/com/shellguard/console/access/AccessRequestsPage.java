package com.shellguard.console.access;

import com.shellguard.access.AccessDenied;
import com.shellguard.access.AccessRequest;
import com.shellguard.access.AccessRequestService;
import com.shellguard.console.AdminOnly;
import com.shellguard.console.Caller;
import com.shellguard.console.Feedback;
import com.shellguard.user.Role;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * Access requests: every request, newest first (or only the pending ones); an admin approves or denies a pending
 * one with an optional comment. An admin's own request is not theirs to decide, here as over the API.
 */
@Named
@ViewScoped
public class AccessRequestsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AccessRequestService requests;

    @Inject
    Caller caller;

    private boolean pendingOnly = true;
    private String comment;
    private transient List<AccessRequest> rows;

    public List<AccessRequest> getRows() {
        if (rows == null) {
            rows = requests.list(caller.getName(), caller.isAdmin() ? Role.ADMIN : Role.AUDITOR,
                    pendingOnly ? AccessRequest.State.PENDING : null, null, false);
        }
        return rows;
    }

    @AdminOnly
    public void approve(String id) {
        decide(id, true);
    }

    @AdminOnly
    public void deny(String id) {
        decide(id, false);
    }

    private void decide(String id, boolean approve) {
        try {
            Feedback.attempt(() -> {
                AccessRequest r = approve ? requests.approve(id, caller.getName(), Role.ADMIN, comment)
                        : requests.deny(id, caller.getName(), Role.ADMIN, comment);
                Feedback.info((approve ? "Approved " : "Denied ") + r.getRequester() + ": " + r.target()
                        + (approve ? " until " + r.getExpires() : "") + ".");
            }, null);
        } catch (AccessDenied e) {
            Feedback.error(e.getMessage());
        }
        comment = null;
        rows = null;
    }

    public void filter() {
        rows = null;
    }

    public boolean isPendingOnly() {
        return pendingOnly;
    }

    public void setPendingOnly(boolean pendingOnly) {
        this.pendingOnly = pendingOnly;
    }

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment;
    }

    /** Minutes as people write them: 60, or 0.5 for a fraction. */
    public String minutes(AccessRequest r) {
        long seconds = r.getDuration().toSeconds();
        return seconds % 60 == 0 ? String.valueOf(seconds / 60) : String.valueOf(seconds / 60.0);
    }
}

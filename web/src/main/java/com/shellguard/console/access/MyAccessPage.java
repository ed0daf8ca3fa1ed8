package com.shellguard.console.access;

import com.shellguard.access.AccessAsked;
import com.shellguard.access.AccessDenied;
import com.shellguard.access.AccessRequest;
import com.shellguard.access.AccessRequestService;
import com.shellguard.console.Caller;
import com.shellguard.console.Feedback;
import com.shellguard.console.Show;
import com.shellguard.grant.Grant;
import com.shellguard.user.Role;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The page of one's own access, the one console page a USER account has: the grants in force that give them
 * something (and until when), their access requests and what became of each, a form to ask for more, and
 * withdrawing a pending request. Everything is the caller's own; the services refuse anything else as they do over
 * the API. An approver (a member of a label's approver group, whatever their role) also finds here the pending
 * requests of others they may decide, chosen and decided by the service's own rule ({@code mayDecide}, then
 * {@code approve}/{@code deny}), so the page can show or do nothing the API would refuse.
 */
@Named
@ViewScoped
public class MyAccessPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AccessRequestService requests;

    @Inject
    Caller caller;

    @Inject
    Show show;

    private String kind = "server";
    private String target;
    private String login;
    private String minutes;
    private String reason;
    private transient List<Grant> grants;
    private transient List<AccessRequest> rows;
    private String note;
    private transient List<AccessRequest> toDecide;

    public List<Grant> getGrants() {
        if (grants == null) {
            grants = requests.grantsOf(caller.getName());
        }
        return grants;
    }

    public List<AccessRequest> getRows() {
        if (rows == null) {
            rows = requests.list(caller.getName(), caller.getAccountRole(), null, null, true);
        }
        return rows;
    }

    /** Pending requests of others that the caller may approve or deny; empty for someone who approves nothing. */
    public List<AccessRequest> getToDecide() {
        if (toDecide == null) {
            String who = caller.getName();
            Role role = caller.getAccountRole();
            toDecide = requests.list(who, role, AccessRequest.State.PENDING, null, false).stream()
                    .filter(r -> requests.mayDecide(r, who, role)).toList();
        }
        return toDecide;
    }

    public void approve(String id) {
        decide(id, true);
    }

    public void deny(String id) {
        decide(id, false);
    }

    private void decide(String id, boolean approve) {
        String who = caller.getName();
        Role role = caller.getAccountRole();
        try {
            boolean done = Feedback.attempt(() -> {
                AccessRequest r = approve ? requests.approve(id, who, role, note) : requests.deny(id, who, role, note);
                Feedback.info((approve ? "Approved " : "Denied ") + r.getRequester() + "'s request for " + r.target()
                        + (approve ? "; it lasts until " + show.time(r.getExpires()) : "") + ".");
            }, null);
            if (done) {
                note = null;
            }
        } catch (AccessDenied e) {
            Feedback.error(e.getMessage());
        }
        toDecide = null;
        rows = null;
    }

    public void request() {
        String name = target == null ? "" : target.strip();
        if (name.isEmpty()) {
            Feedback.error("Name the " + kind + " you need access to.");
            return;
        }
        Double asked;
        try {
            asked = minutes == null || minutes.isBlank() ? null : Double.valueOf(minutes.strip());
        } catch (NumberFormatException e) {
            Feedback.error("minutes must be a number, such as 60 or 0.5");
            return;
        }
        boolean server = !"label".equals(kind);
        String who = caller.getName();
        boolean filed = Feedback.attempt(() -> {
            AccessRequest r = requests.request(who, new AccessAsked(server ? name : null, server ? null : name,
                    login == null ? null : login.strip(), asked, reason, "console"));
            Feedback.info("Requested " + r.target() + " for " + minutes(r) + " minutes; waiting for an approver.");
        }, null);
        if (filed) {
            target = null;
            login = null;
            minutes = null;
            reason = null;
        }
        rows = null;
    }

    public void withdraw(String id) {
        try {
            Feedback.attempt(() -> {
                AccessRequest r = requests.withdraw(id, caller.getName(), caller.getAccountRole());
                Feedback.info("Withdrew the request for " + r.target() + ".");
            }, null);
        } catch (AccessDenied e) {
            Feedback.error(e.getMessage());
        }
        rows = null;
    }

    /** Minutes as people write them: 60, or 0.5 for a fraction. */
    public String minutes(AccessRequest r) {
        long seconds = r.getDuration().toSeconds();
        return seconds % 60 == 0 ? String.valueOf(seconds / 60) : String.valueOf(seconds / 60.0);
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getTarget() {
        return target;
    }

    public void setTarget(String target) {
        this.target = target;
    }

    public String getLogin() {
        return login;
    }

    public void setLogin(String login) {
        this.login = login;
    }

    public String getMinutes() {
        return minutes;
    }

    public void setMinutes(String minutes) {
        this.minutes = minutes;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}

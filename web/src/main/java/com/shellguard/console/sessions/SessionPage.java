package com.shellguard.console.sessions;

import com.shellguard.audit.AuditQuery;
import com.shellguard.audit.AuditService;
import com.shellguard.audit.SessionRecord;
import com.shellguard.audit.SessionStatus;
import com.shellguard.command.audit.CommandAuditService;
import com.shellguard.command.audit.CommandRecord;
import com.shellguard.command.audit.CommandQuery;
import com.shellguard.common.NotFoundException;
import com.shellguard.console.Feedback;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Comparator;
import java.util.List;

/**
 * One session: what the audit knows of it, and the timeline of its commands (oldest first) with each command's
 * offset into the session, which is where the replay jumps when the command is clicked.
 */
@Named
@ViewScoped
public class SessionPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AuditService audit;

    @Inject
    CommandAuditService commands;

    private String id;
    private transient SessionRecord session;
    private transient List<TimelineEntry> timeline;

    /** Called by the page's view action, once the id parameter is set. */
    public void load() {
        session = null;
        timeline = null;
        if (id == null || id.isBlank()) {
            Feedback.error("No session given: open one from the dashboard or the audit.");
            return;
        }
        try {
            session = audit.session(id);
        } catch (NotFoundException e) {
            Feedback.error(e.getMessage());
        }
    }

    public SessionRecord getSession() {
        if (session == null && id != null && !id.isBlank()) {
            try {
                session = audit.session(id);
            } catch (NotFoundException e) {
                return null;
            }
        }
        return session;
    }

    public List<TimelineEntry> getTimeline() {
        if (timeline == null) {
            SessionRecord s = getSession();
            timeline = s == null ? List.of() : commands.commands(new CommandQuery(
                            new AuditQuery(null, null, null, null, null, AuditQuery.MAX_LIMIT, 0), s.getId(), null, null, null))
                    .stream().sorted(Comparator.comparing(CommandRecord::getTime))
                    .map(c -> TimelineEntry.of(c, s.getStarted())).toList();
        }
        return timeline;
    }

    public boolean isLive() {
        SessionRecord s = getSession();
        return s != null && s.getEnded() == null && s.getStatus() == SessionStatus.OPEN;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }
}

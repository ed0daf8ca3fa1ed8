package com.shellguard.console.sessions;

import com.shellguard.audit.AuditQuery;
import com.shellguard.audit.SessionRecord;
import com.shellguard.command.audit.CommandAuditService;
import com.shellguard.command.audit.CommandRecord;
import com.shellguard.command.audit.CommandQuery;
import com.shellguard.common.NotFoundException;
import com.shellguard.console.Feedback;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Comparator;
import java.util.List;

/**
 * One session: what the audit knows of it, and the timeline of its commands (oldest first) with each command's
 * offset into the session, which is where the replay jumps when the command is clicked.
 */
@Named
@ViewScoped
public class SessionPage extends SessionView {

    private static final long serialVersionUID = 1L;

    @Inject
    CommandAuditService commands;

    private transient List<TimelineEntry> timeline;

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

    @Override
    protected void forget() {
        super.forget();
        timeline = null;
    }
}

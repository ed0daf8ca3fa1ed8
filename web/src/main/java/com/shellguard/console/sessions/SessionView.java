package com.shellguard.console.sessions;

import com.shellguard.audit.AuditService;
import com.shellguard.audit.SessionRecord;
import com.shellguard.audit.SessionStatus;
import com.shellguard.common.NotFoundException;
import com.shellguard.console.Feedback;
import jakarta.inject.Inject;
import java.io.Serializable;

/**
 * What the session pages share: the session their address names (the {@code id} view parameter), read from the
 * audit once per view, and a message on the page when there is none.
 */
public abstract class SessionView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AuditService audit;

    private String id;
    private transient SessionRecord session;

    /** Called by the page's view action, once the id parameter is set. */
    public void load() {
        forget();
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

    /** Whether the session still runs. */
    public boolean isLive() {
        SessionRecord s = getSession();
        return s != null && s.getEnded() == null && s.getStatus() == SessionStatus.OPEN;
    }

    /** What the page read of the session is read again at its next use. */
    protected void forget() {
        session = null;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }
}

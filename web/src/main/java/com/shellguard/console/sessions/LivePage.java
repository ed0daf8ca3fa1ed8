package com.shellguard.console.sessions;

import com.shellguard.audit.AuditService;
import com.shellguard.audit.SessionRecord;
import com.shellguard.audit.SessionStatus;
import com.shellguard.common.NotFoundException;
import com.shellguard.console.AdminOnly;
import com.shellguard.console.Feedback;
import com.shellguard.session.SessionTerminator;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.Serializable;

/**
 * Watching a session as it happens: the page's terminal polls the growing recording ({@link RecordingDownload});
 * an admin may end the session, which the node relaying it does within about a second.
 */
@Named
@ViewScoped
public class LivePage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AuditService audit;

    @Inject
    SessionTerminator terminator;

    @Inject
    SecurityContext security;

    private String id;
    private transient SessionRecord session;

    public void load() {
        session = null;
        if (id == null || id.isBlank()) {
            Feedback.error("No session given: open one from the dashboard.");
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

    public boolean isRunning() {
        SessionRecord s = getSession();
        return s != null && s.getStatus() == SessionStatus.OPEN && s.getEnded() == null;
    }

    @AdminOnly
    public void terminate() {
        if (Feedback.attempt(() -> terminator.terminate(id, security.getCallerPrincipal().getName()),
                "Asked to end the session; its user is disconnected within about a second.")) {
            session = null;
        }
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }
}

package com.shellguard.console.sessions;

import com.shellguard.console.AdminOnly;
import com.shellguard.console.Feedback;
import com.shellguard.session.SessionTerminator;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;

/**
 * Watching a session as it happens: the page's terminal polls the growing recording ({@link RecordingDownload});
 * an admin may end the session, which the node relaying it does within about a second.
 */
@Named
@ViewScoped
public class LivePage extends SessionView {

    private static final long serialVersionUID = 1L;

    @Inject
    SessionTerminator terminator;

    @Inject
    SecurityContext security;

    @AdminOnly
    public void terminate() {
        if (Feedback.attempt(() -> terminator.terminate(getId(), security.getCallerPrincipal().getName()),
                "Asked to end the session; its user is disconnected within about a second.")) {
            forget();
        }
    }
}

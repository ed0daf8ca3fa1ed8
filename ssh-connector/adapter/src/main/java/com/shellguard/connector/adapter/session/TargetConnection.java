package com.shellguard.connector.adapter.session;

import com.shellguard.connector.adapter.hook.HookSession;
import com.shellguard.connector.adapter.upstream.UpstreamException;
import com.shellguard.connector.api.SessionPlan;
import java.util.concurrent.RejectedExecutionException;
import org.apache.sshd.client.session.ClientSession;

/**
 * Opening upstream: the session's one connection to its target, and closing it. A connection that carries the
 * session's hook removes the hook's files there first (the exec guard's library among them), while it still
 * stands; the removal runs as work, since it waits for the target. Closing happens once, whoever asks first:
 * the session's end, the user's leaving, or the opening thread that finds the session ended meanwhile.
 */
final class TargetConnection {

    private final SessionServices services;
    private final ClientSession session;
    private HookSession hook;
    private boolean closing;

    private TargetConnection(SessionServices services, ClientSession session) {
        this.services = services;
        this.session = session;
    }

    static TargetConnection open(SessionServices services, String sessionId, SessionPlan plan) throws UpstreamException {
        return new TargetConnection(services, services.upstream().connect(sessionId, plan));
    }

    ClientSession session() {
        return session;
    }

    synchronized void hooked(HookSession installed) {
        hook = installed;
    }

    /** Closes the connection once, after removing the session's hook files if it has a hook. */
    void close() {
        HookSession hooked;
        synchronized (this) {
            if (closing) {
                return;
            }
            closing = true;
            hooked = hook;
        }
        if (hooked == null) {
            session.close(false);
            return;
        }
        try {
            services.work().submit(() -> {
                services.hooks().remove(session, hooked);
                session.close(false);
            });
        } catch (RejectedExecutionException busy) {
            session.close(false);
        }
    }

    /**
     * The user is gone (the client quit right after {@code exit}, or the connection dropped). A hooked
     * connection still removes its files first, since closing at once would cut the removal off half way;
     * any other closes at once.
     */
    void userLeft() {
        boolean hooked;
        synchronized (this) {
            hooked = hook != null;
        }
        if (hooked) {
            close();
        } else {
            session.close(true);
        }
    }
}

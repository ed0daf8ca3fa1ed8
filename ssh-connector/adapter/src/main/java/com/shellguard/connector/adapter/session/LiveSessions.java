package com.shellguard.connector.adapter.session;

import com.shellguard.connector.api.Termination;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The sessions this node relays right now, by id, each with the way to end it (given the line its user is shown,
 * null for an administrator's termination). The application decides which sessions to end; this is how the
 * connector finds them.
 */
public final class LiveSessions {

    private final Map<String, Consumer<String>> running = new ConcurrentHashMap<>();

    public void add(String sessionId, Consumer<String> terminate) {
        running.put(sessionId, terminate);
    }

    public void remove(String sessionId) {
        running.remove(sessionId);
    }

    public boolean isEmpty() {
        return running.isEmpty();
    }

    /** Ends those of the named sessions that run here; the others belong to other nodes or have ended. */
    public void terminate(Collection<Termination> terminations) {
        for (Termination termination : terminations) {
            Consumer<String> terminate = running.remove(termination.sessionId());
            if (terminate != null) {
                terminate.accept(termination.reason());
            }
        }
    }
}

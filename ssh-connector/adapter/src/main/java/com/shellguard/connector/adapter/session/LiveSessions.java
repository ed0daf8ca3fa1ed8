package com.shellguard.connector.adapter.session;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sessions this node relays right now, by id, each with the way to end it. The application decides which
 * sessions to end; this is how the connector finds them.
 */
public final class LiveSessions {

    private final Map<String, Runnable> running = new ConcurrentHashMap<>();

    public void add(String sessionId, Runnable terminate) {
        running.put(sessionId, terminate);
    }

    public void remove(String sessionId) {
        running.remove(sessionId);
    }

    public boolean isEmpty() {
        return running.isEmpty();
    }

    /** Ends those of the named sessions that run here; the others belong to other nodes or have ended. */
    public void terminate(Collection<String> sessionIds) {
        for (String id : sessionIds) {
            Runnable terminate = running.remove(id);
            if (terminate != null) {
                terminate.run();
            }
        }
    }
}

package com.shellguard.connector.adapter.server;

import com.shellguard.connector.adapter.runtime.BlockingWork;
import com.shellguard.connector.api.AuthenticationMethod;
import com.shellguard.connector.api.AuthenticationOutcome;
import com.shellguard.connector.api.GatewayListener;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Audits each limit a client hits, as a refused authentication event with the limit's name as its reason
 * ({@code LIMIT_UNAUTHENTICATED}, ...). A flood must not become a flood of audit rows: the first hit of a limit by one
 * source (or user) in a minute is written at once, and the hits after it within that minute are counted and written
 * with the next row ("and 4,999 more since ..."). The rows are written off the network threads.
 */
final class LimitAudit {

    private static final Logger LOG = Logger.getLogger(LimitAudit.class.getName());
    private static final long WINDOW_NANOS = Duration.ofMinutes(1).toNanos();

    private final GatewayListener listener;
    private final BlockingWork work;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    LimitAudit(GatewayListener listener, BlockingWork work) {
        this.listener = listener;
        this.work = work;
    }

    /** One hit of {@code limit} by {@code who} (a user or a source address) from {@code source}. */
    void hit(String limit, String user, String source, String detail) {
        String key = limit + '\u0000' + who(user, source);
        long now = System.nanoTime();
        long[] suppressed = {-1};
        windows.compute(key, (k, w) -> {
            if (w == null || now - w.start > WINDOW_NANOS) {
                suppressed[0] = w == null ? 0 : w.suppressed;
                return new Window(now);
            }
            w.suppressed++;
            return w;
        });
        if (suppressed[0] < 0) {
            return;
        }
        String reason = limit + ": " + detail + (suppressed[0] > 0 ? " (and " + suppressed[0] + " more in the minute before)" : "");
        AuthenticationOutcome outcome = new AuthenticationOutcome(user == null ? "" : user, AuthenticationMethod.NONE,
                source, false, reason);
        try {
            work.submit(() -> report(outcome));
        } catch (RejectedExecutionException busy) {
            LOG.warning("limit hit not audited, the node is busy: " + reason + " from " + source);
        }
        if (windows.size() > 10_000) {
            windows.entrySet().removeIf(e -> now - e.getValue().start > WINDOW_NANOS);
        }
    }

    /**
     * Whose hits share one window: the user's, or else the source's host without its port, which every new connection
     * changes (keyed with it, each refused connection of a flood would be a row of its own).
     */
    static String who(String user, String source) {
        if (user != null) {
            return user;
        }
        int colon = source == null ? -1 : source.lastIndexOf(':');
        return colon > 0 ? source.substring(0, colon) : String.valueOf(source);
    }

    private void report(AuthenticationOutcome outcome) {
        try {
            listener.authenticationConcluded(outcome);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not audit " + outcome.reason(), e);
        }
    }

    private static final class Window {
        final long start;
        long suppressed;

        Window(long start) {
            this.start = start;
        }
    }
}

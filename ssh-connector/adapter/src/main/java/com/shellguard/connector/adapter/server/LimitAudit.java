package com.shellguard.connector.adapter.server;

import com.shellguard.connector.adapter.runtime.BlockingWork;
import com.shellguard.connector.api.AuthenticationMethod;
import com.shellguard.connector.api.AuthenticationOutcome;
import com.shellguard.connector.api.GatewayListener;
import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Audits each limit a client hits, as a refused authentication event with the limit's name as its reason
 * ({@code LIMIT_UNAUTHENTICATED}, ...). A flood must not become a flood of audit rows: the first hit of a limit by one
 * source (or user) in a minute is written at once, and the hits after it within that minute are counted and written
 * with the next row ("and 4,999 more since ..."). The rows are written off the network threads, one at a time (a
 * flood from many addresses must not take every application thread), and at most {@link #QUEUE} wait; beyond that a
 * row is dropped and logged.
 */
final class LimitAudit {

    private static final Logger LOG = Logger.getLogger(LimitAudit.class.getName());
    private static final long WINDOW_NANOS = Duration.ofMinutes(1).toNanos();
    static final int QUEUE = 1_000;

    private final GatewayListener listener;
    private final BlockingWork work;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final Queue<AuthenticationOutcome> pending = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean writing = new AtomicBoolean();

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
        if (queued.incrementAndGet() > QUEUE) {
            queued.decrementAndGet();
            LOG.warning("limit hit not audited, " + QUEUE + " rows wait already: " + reason + " from " + source);
        } else {
            pending.add(outcome);
            writeSoon();
        }
        if (windows.size() > 10_000) {
            windows.entrySet().removeIf(e -> now - e.getValue().start > WINDOW_NANOS);
        }
    }

    private void writeSoon() {
        if (pending.isEmpty() || !writing.compareAndSet(false, true)) {
            return;
        }
        try {
            work.submit(this::writeAll);
        } catch (RejectedExecutionException busy) {
            writing.set(false);
            LOG.warning("limit hits not audited yet, the node is busy; they wait for the next hit");
        }
    }

    private void writeAll() {
        try {
            for (AuthenticationOutcome outcome; (outcome = pending.poll()) != null; ) {
                queued.decrementAndGet();
                report(outcome);
            }
        } finally {
            writing.set(false);
        }
        writeSoon();
    }

    /** Whose hits share a window: the person's, else the source address's without its port (it changes with each connection). */
    static String who(String user, String source) {
        if (user != null) {
            return user;
        }
        int colon = source == null ? -1 : source.lastIndexOf(':');
        return colon > 0 ? source.substring(0, colon) : source;
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

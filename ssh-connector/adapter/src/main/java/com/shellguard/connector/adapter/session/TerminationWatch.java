package com.shellguard.connector.adapter.session;

import com.shellguard.connector.adapter.runtime.BlockingWork;
import com.shellguard.connector.api.GatewayListener;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Asks the application every {@value #POLL_MILLIS} ms, while this node relays sessions, which of them an
 * administrator ended, and ends those. Asking (rather than being told) keeps the connector free of any
 * outbound contract and works the same on every node of a cluster: the request is a database row the
 * application wrote on whichever node the administrator used, as rule changes are. The interval keeps an
 * administrator's "terminate" within a second; a node without sessions does not ask at all.
 */
public final class TerminationWatch implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TerminationWatch.class.getName());
    static final long POLL_MILLIS = 300;

    private final GatewayListener listener;
    private final BlockingWork work;
    private final LiveSessions live;
    private final String nodeName;
    private final Timer timer;
    private final AtomicBoolean asking = new AtomicBoolean();
    private volatile boolean failing;

    public TerminationWatch(GatewayListener listener, BlockingWork work, LiveSessions live, String nodeName, Timer timer) {
        this.listener = listener;
        this.work = work;
        this.live = live;
        this.nodeName = nodeName;
        this.timer = timer;
        timer.schedule(new TimerTask() {
            @Override
            public void run() {
                askSoon();
            }
        }, POLL_MILLIS, POLL_MILLIS);
    }

    private void askSoon() {
        if (live.isEmpty() || !asking.compareAndSet(false, true)) {
            return;
        }
        try {
            work.submit(() -> {
                try {
                    ask();
                } finally {
                    asking.set(false);
                }
            });
        } catch (RejectedExecutionException busy) {
            asking.set(false);
        }
    }

    private void ask() {
        try {
            live.terminate(listener.terminationsRequested(nodeName));
            failing = false;
        } catch (RuntimeException e) {
            if (!failing) {
                failing = true;
                LOG.log(Level.WARNING, "cannot ask the application which sessions to terminate (retrying)", e);
            }
        }
    }

    @Override
    public void close() {
        timer.cancel();
    }
}

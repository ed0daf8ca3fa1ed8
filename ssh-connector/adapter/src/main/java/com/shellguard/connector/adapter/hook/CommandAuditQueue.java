package com.shellguard.connector.adapter.hook;

import com.shellguard.connector.adapter.runtime.BlockingWork;
import com.shellguard.connector.api.CommandCompletion;
import com.shellguard.connector.api.CommandEvent;
import com.shellguard.connector.api.CommandRecordBatch;
import com.shellguard.connector.api.GatewayListener;
import com.shellguard.connector.api.SessionAlert;
import com.shellguard.connector.api.TypedLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Collects what hooks report for the audit and hands it to the application in batches, a few times a second,
 * off the hooks' critical path: a shell never waits for a database write. A batch is one transaction on the
 * application side, so a script of thousands of commands costs thousands of rows, not thousands of commits.
 *
 * <p>What is queued when the node stops is delivered by {@link #close()}; what a crash loses is at most the
 * last flush interval.
 */
public final class CommandAuditQueue implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(CommandAuditQueue.class.getName());
    private static final long FLUSH_MILLIS = 200;
    private static final int MAX_BATCH = 2000;

    private final GatewayListener listener;
    private final BlockingWork work;
    private final Timer timer;
    private final ConcurrentLinkedQueue<Object> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean flushing = new AtomicBoolean();

    public CommandAuditQueue(GatewayListener listener, BlockingWork work, Timer timer) {
        this.listener = listener;
        this.work = work;
        this.timer = timer;
        timer.schedule(new TimerTask() {
            @Override
            public void run() {
                flushSoon();
            }
        }, FLUSH_MILLIS, FLUSH_MILLIS);
    }

    void add(CommandEvent event) {
        queue.add(event);
    }

    void add(CommandCompletion completion) {
        queue.add(completion);
    }

    void add(TypedLine line) {
        queue.add(line);
    }

    public void add(SessionAlert alert) {
        queue.add(alert);
    }

    private void flushSoon() {
        if (queue.isEmpty() || !flushing.compareAndSet(false, true)) {
            return;
        }
        try {
            work.submit(() -> {
                try {
                    flush();
                } finally {
                    flushing.set(false);
                }
            });
        } catch (RejectedExecutionException busy) {
            flushing.set(false);
        }
    }

    private void flush() {
        while (!queue.isEmpty()) {
            List<CommandEvent> commands = new ArrayList<>();
            List<CommandCompletion> completions = new ArrayList<>();
            List<TypedLine> lines = new ArrayList<>();
            List<SessionAlert> alerts = new ArrayList<>();
            Object item;
            int n = 0;
            while (n++ < MAX_BATCH && (item = queue.poll()) != null) {
                if (item instanceof CommandEvent e) {
                    commands.add(e);
                } else if (item instanceof CommandCompletion c) {
                    completions.add(c);
                } else if (item instanceof TypedLine l) {
                    lines.add(l);
                } else if (item instanceof SessionAlert a) {
                    alerts.add(a);
                }
            }
            try {
                listener.recordCommands(new CommandRecordBatch(commands, completions, lines, alerts));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not write " + (n - 1) + " command audit records; they are lost", e);
            }
        }
    }

    @Override
    public void close() {
        timer.cancel();
        flush();
    }
}

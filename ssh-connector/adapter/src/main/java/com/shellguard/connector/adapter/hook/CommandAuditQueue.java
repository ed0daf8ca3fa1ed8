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
 * The audit leg of the command path (the third crossing in this package's documentation): collects what hooks
 * report for the audit, from every session of this node, and hands it to the application with
 * {@link GatewayListener#recordCommands} in batches, off the hooks' critical path: a shell never waits for a database
 * write. A batch is one transaction on the application side, so a script of thousands of commands costs thousands
 * of rows, not thousands of commits.
 *
 * <p>The steps: a hook connection {@code add}s a judged command (asked and answered, or reported), a completion, a
 * typed line or an alert; every {@value #DELIVERY_MILLIS} ms the timer the constructor schedules {@linkplain
 * #startDelivery() starts a delivery} on the WorkManager unless one is running; {@linkplain #deliver() the delivery}
 * sends everything queued, {@value #MAX_BATCH} items per call.
 *
 * <p>Limits: the audit is up to a delivery interval behind the shell. A batch the application fails to write is
 * logged and lost; what is queued when the node stops is delivered by {@link #close()}; what a crash loses is at
 * most the last interval.
 */
public final class CommandAuditQueue implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(CommandAuditQueue.class.getName());
    static final long DELIVERY_MILLIS = 200;
    static final int MAX_BATCH = 2000;

    private final GatewayListener listener;
    private final BlockingWork work;
    private final Timer timer;
    private final ConcurrentLinkedQueue<Object> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean delivering = new AtomicBoolean();

    /** Queues for {@code listener} and starts the delivery timer; {@link #close()} stops it. */
    public CommandAuditQueue(GatewayListener listener, BlockingWork work, Timer timer) {
        this.listener = listener;
        this.work = work;
        this.timer = timer;
        timer.schedule(new TimerTask() {
            @Override
            public void run() {
                startDelivery();
            }
        }, DELIVERY_MILLIS, DELIVERY_MILLIS);
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

    /** On the timer's thread: hands a delivery to the WorkManager if anything waits and none is running. */
    private void startDelivery() {
        if (queue.isEmpty() || !delivering.compareAndSet(false, true)) {
            return;
        }
        try {
            work.submit(() -> {
                try {
                    deliver();
                } finally {
                    delivering.set(false);
                }
            });
        } catch (RejectedExecutionException busy) {
            delivering.set(false);
        }
    }

    /** Crosses to the application: everything queued, in batches. */
    private void deliver() {
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
        deliver();
    }
}

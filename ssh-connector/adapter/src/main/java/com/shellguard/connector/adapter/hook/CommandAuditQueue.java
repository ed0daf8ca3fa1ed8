package com.shellguard.connector.adapter.hook;

import com.shellguard.connector.adapter.runtime.BlockingWork;
import com.shellguard.connector.api.CommandCompletion;
import com.shellguard.connector.api.CommandEvent;
import com.shellguard.connector.api.CommandRecordBatch;
import com.shellguard.connector.api.GatewayListener;
import com.shellguard.connector.api.SessionAlert;
import com.shellguard.connector.api.SessionSummary;
import com.shellguard.connector.api.TypedLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
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
 * typed line or an alert, and a session whose end could not be written directly adds its end; every
 * {@value #DELIVERY_MILLIS} ms the timer the constructor schedules {@linkplain #startDelivery() starts a delivery} on
 * the WorkManager unless one is running; {@linkplain #deliver() the delivery} makes batches of everything queued,
 * {@value #MAX_BATCH} items each, and gives them to the {@link AuditDelivery}, which writes them in order, each exactly
 * once, holding them (memory, then the {@link AuditSpool} on disk) while the database cannot take them.
 *
 * <p>Limits: the audit is up to a delivery interval behind the shell (more while the database is away); what a crash
 * loses is what was not yet in the spool: at most the last interval while the database works, what was held in memory
 * while it does not. What is queued when the node stops is delivered, or spooled, by {@link #close()}.
 */
public final class CommandAuditQueue implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(CommandAuditQueue.class.getName());
    static final long DELIVERY_MILLIS = 200;
    static final int MAX_BATCH = 2000;
    /**
     * The {@linkplain AuditSize#weight weight} of what one session may have waiting for delivery (a short record weighs
     * 1): far above what a busy script reports between deliveries, and what keeps a forger with the session's key, or a
     * script of mebibyte-long command lines, from filling the node's memory. Past it the session's items are dropped
     * and {@link #add(CommandEvent)} and its kin return false, so the hook side can alert.
     */
    static final int MAX_PER_SESSION = 50_000;
    /**
     * How long a delivery waits for a command whose reported verdict is being checked again; past it the command is
     * written with the verdict the hook reported (it ran: its row is never dropped), and a report the check then finds
     * forged is alerted on its own ({@code FORGED_REPORT}).
     */
    private static final long CHECK_WAIT_SECONDS = 10;

    private final AuditDelivery delivery;
    private final BlockingWork work;
    private final Timer timer;
    private final ConcurrentLinkedQueue<Object> queue = new ConcurrentLinkedQueue<>();
    private final ConcurrentHashMap<String, AtomicInteger> waiting = new ConcurrentHashMap<>();
    private final AtomicBoolean delivering = new AtomicBoolean();

    /**
     * Queues for {@code listener} and starts the delivery timer; {@link #close()} stops it. What the database cannot
     * take waits in memory up to {@code memoryLimit} events, then in {@code spool}.
     */
    public CommandAuditQueue(GatewayListener listener, BlockingWork work, Timer timer, AuditSpool spool, int memoryLimit) {
        this.delivery = new AuditDelivery(listener, spool, memoryLimit, System::currentTimeMillis);
        this.work = work;
        this.timer = timer;
        timer.schedule(new TimerTask() {
            @Override
            public void run() {
                startDelivery();
            }
        }, DELIVERY_MILLIS, DELIVERY_MILLIS);
    }

    boolean add(CommandEvent event) {
        return offer(event.sessionId(), AuditSize.clip(event));
    }

    /**
     * A command the hook reported as run ({@code claimed}) whose verdict is still being checked: delivered in its place
     * once the check completes, or as claimed when the check takes longer than {@value #CHECK_WAIT_SECONDS} s.
     */
    boolean add(CommandEvent claimed, CompletableFuture<CommandEvent> checked) {
        CommandEvent kept = AuditSize.clip(claimed);
        return offer(claimed.sessionId(), new Checking(kept, checked.thenApply(AuditSize::clip)));
    }

    private record Checking(CommandEvent claimed, CompletableFuture<CommandEvent> checked) {
    }

    boolean add(CommandCompletion completion) {
        return offer(completion.sessionId(), completion);
    }

    boolean add(TypedLine line) {
        return offer(line.sessionId(), AuditSize.clip(line));
    }

    /**
     * The end of a session whose direct report failed (the database was away): written with the audit, in order,
     * once it can be. Always taken, one per session.
     */
    public void add(SessionSummary end) {
        queue.add(end);
    }

    /** Why the audit cannot be written now (what a strict server refuses new sessions for); empty when it can. */
    public Optional<String> unwritable() {
        return delivery.unwritable();
    }

    /** Alerts are always taken: each kind is raised a bounded number of times per session where it is raised. */
    public void add(SessionAlert alert) {
        queue.add(AuditSize.clip(alert));
    }

    private boolean offer(String sessionId, Object item) {
        if (sessionId != null) {
            int weight = AuditSize.weight(item instanceof Checking c ? c.claimed() : item);
            AtomicInteger count = waiting.computeIfAbsent(sessionId, k -> new AtomicInteger());
            if (count.addAndGet(weight) > MAX_PER_SESSION) {
                count.addAndGet(-weight);
                return false;
            }
        }
        queue.add(item);
        return true;
    }

    private void delivered(String sessionId, int weight) {
        if (sessionId != null) {
            waiting.computeIfPresent(sessionId, (k, count) -> count.addAndGet(-weight) <= 0 ? null : count);
        }
    }

    /** On the timer's thread: hands a delivery to the WorkManager if anything waits and none is running. */
    private void startDelivery() {
        if ((queue.isEmpty() && delivery.idle()) || !delivering.compareAndSet(false, true)) {
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

    /**
     * Crosses to the application: everything queued, in batches, behind what waits from before, each batch written as
     * soon as it is made. (Making every batch first and writing after held a flood's batches in memory, then on disk,
     * for as long as sessions kept the queue from emptying, with the database up and nothing written.)
     */
    private void deliver() {
        while (!queue.isEmpty()) {
            List<CommandEvent> commands = new ArrayList<>();
            List<CommandCompletion> completions = new ArrayList<>();
            List<TypedLine> lines = new ArrayList<>();
            List<SessionAlert> alerts = new ArrayList<>();
            List<SessionSummary> ends = new ArrayList<>();
            Object item;
            int n = 0;
            while (n++ < MAX_BATCH && (item = queue.poll()) != null) {
                int weight = AuditSize.weight(item instanceof Checking c ? c.claimed() : item);
                if (item instanceof Checking checking) {
                    item = checked(checking);
                }
                if (item instanceof CommandEvent e) {
                    commands.add(e);
                    delivered(e.sessionId(), weight);
                } else if (item instanceof CommandCompletion c) {
                    completions.add(c);
                    delivered(c.sessionId(), weight);
                } else if (item instanceof TypedLine l) {
                    lines.add(l);
                    delivered(l.sessionId(), weight);
                } else if (item instanceof SessionAlert a) {
                    alerts.add(a);
                } else if (item instanceof SessionSummary end) {
                    ends.add(end);
                }
            }
            CommandRecordBatch batch = new CommandRecordBatch(delivery.newKey(), commands, completions, lines, alerts, ends);
            if (!batch.isEmpty()) {
                delivery.offer(batch);
            }
            delivery.deliver();
        }
        delivery.deliver();
    }

    private static CommandEvent checked(Checking checking) {
        try {
            return checking.checked().get(CHECK_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(Level.WARNING, "session " + checking.claimed().sessionId() + ": the check of a reported command did not"
                    + " complete within " + CHECK_WAIT_SECONDS + " s; it is written with the verdict the hook reported", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return checking.claimed();
    }

    @Override
    public void close() {
        timer.cancel();
        synchronized (delivering) {
            while (!delivering.compareAndSet(false, true)) {
                try {
                    delivering.wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        deliver();
        delivery.close();
    }
}

package com.shellguard.connector.adapter.hook;

import com.shellguard.connector.api.CommandRecordBatch;
import com.shellguard.connector.api.GatewayListener;
import com.shellguard.connector.api.SessionAlert;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Gets the node's audit batches into the database in the order they were made, each exactly once, whatever the
 * database does meanwhile: a batch the application fails to write (the database is away, restarting, refusing
 * connections) stays first in line and is tried again, with a growing pause (up to {@value #MAX_PAUSE_MILLIS} ms),
 * until it is written. Batches made meanwhile wait behind it: in memory up to {@code memoryLimit} items, then in the
 * node's {@link AuditSpool} on disk; past the spool's bound they are dropped and counted. Each batch carries a key the
 * application writes at most once, so a batch whose commit succeeded but whose answer was lost is not doubled when it
 * is sent again.
 *
 * <p>What an outage leaves in the audit besides the late rows: when writing works again, alerts (no session) say
 * from when to when the audit could not be written and why ({@code AUDIT_DELAYED}), that it spilled to disk
 * ({@code AUDIT_SPOOLED}) and how many events were dropped when the spool was full ({@code AUDIT_LOST}); each is also
 * logged when it happens. {@link #unwritable()} says whether the audit cannot be written now, which is what a
 * {@code strict} server refuses new sessions for.
 *
 * <p>Not thread-safe for delivering: {@link CommandAuditQueue} runs one delivery at a time. {@link #unwritable()} may be
 * read from any thread.
 *
 * <p>Limits: a batch the database refuses for its content rather than for being away (none is known) would be tried
 * again for ever and hold everything behind it, each attempt logged; what is held in memory is lost if the node is
 * killed (a clean stop spools it); a database that hangs instead of refusing holds the delivery until the connection
 * gives up, while new events wait in memory. {@link #unwritable()} is learnt from writes only: with nothing to write
 * (an exec session of a shell builtin makes no command row), a database that stopped taking the audit goes unnoticed
 * until the next write.
 */
final class AuditDelivery {

    private static final Logger LOG = Logger.getLogger(AuditDelivery.class.getName());
    static final long FIRST_PAUSE_MILLIS = 250;
    static final long MAX_PAUSE_MILLIS = 5000;

    private final GatewayListener listener;
    private final AuditSpool spool;
    private final int memoryLimit;
    private final LongSupplier clock;
    /** Unique per run of the node: the keys of two runs never meet, those of a spool keep their run's prefix. */
    private final String keyPrefix = UUID.randomUUID().toString();
    private final AtomicLong sequence = new AtomicLong();

    private final Deque<CommandRecordBatch> held = new ArrayDeque<>();
    /** The {@linkplain AuditSize#weight weight} of what {@link #held} holds, which {@code memoryLimit} bounds. */
    private long heldWeight;

    private volatile Outage outage;
    private long nextAttemptMillis;
    private long pauseMillis = FIRST_PAUSE_MILLIS;

    /** While the audit cannot be written: since when, why, and what it did meanwhile. */
    private static final class Outage {
        final Instant since;
        volatile String cause;
        long held;
        long spooled;
        long lost;
        boolean spoolFullLogged;

        Outage(Instant since, String cause) {
            this.since = since;
            this.cause = cause;
        }
    }

    AuditDelivery(GatewayListener listener, AuditSpool spool, int memoryLimit, LongSupplier clock) {
        this.listener = listener;
        this.spool = spool;
        this.memoryLimit = memoryLimit;
        this.clock = clock;
    }

    /** A key no other batch of any node or run has. */
    String newKey() {
        return keyPrefix + "-" + sequence.incrementAndGet();
    }

    /** True when nothing waits to be written. */
    boolean idle() {
        return held.isEmpty() && spool.isEmpty();
    }

    /** Puts the batch in line behind every batch made before it. */
    void offer(CommandRecordBatch batch) {
        offer(batch, false);
    }

    /** {@code evenIfFull}: the outage's own alerts, which take no more than a few hundred bytes past the spool's bound. */
    private void offer(CommandRecordBatch batch, boolean evenIfFull) {
        Outage current = outage;
        if (current != null) {
            current.held += batch.size();
        }
        long weight = AuditSize.weight(batch);
        if (spool.isEmpty() && heldWeight + weight <= memoryLimit) {
            held.addLast(batch);
            heldWeight += weight;
            return;
        }
        if (spool.append(batch, evenIfFull)) {
            if (current != null && current.spooled == 0) {
                LOG.warning(() -> "ShellGuard: AUDIT_SPOOLED: the audit held in memory reached " + memoryLimit
                        + " events while the database cannot be written; what follows is spooled to " + spool.directory()
                        + " (up to " + spool.maxBytes() / (1024 * 1024) + " MB) and written in order once it can be");
            }
            if (current != null) {
                current.spooled += batch.size();
            }
            return;
        }
        if (current == null) {
            // the database takes writes again but the spool is still full of what it missed: this batch cannot wait
            current = outage = new Outage(now(), "the audit spool is full");
        }
        current.lost += batch.size();
        if (!current.spoolFullLogged) {
            current.spoolFullLogged = true;
            LOG.severe("ShellGuard: AUDIT_LOST: the audit spool " + spool.directory() + " is full (" + spool.bytes()
                    + " bytes of " + spool.maxBytes() + "); audit events are dropped until the database takes writes again"
                    + " (raise SHELLGUARD_AUDIT_SPOOL_MB, or bring the database back)");
        }
    }

    /** Writes what waits, oldest first, until all is written, a write fails, or a pause after a failure is not over. */
    void deliver() {
        if (outage != null && clock.getAsLong() < nextAttemptMillis) {
            return;
        }
        while (true) {
            boolean fromMemory = !held.isEmpty();
            Optional<CommandRecordBatch> next = fromMemory ? Optional.of(held.peekFirst()) : spool.oldest();
            if (next.isEmpty()) {
                return;
            }
            try {
                listener.recordCommands(next.get());
            } catch (RuntimeException e) {
                failed(e);
                return;
            }
            if (fromMemory) {
                held.pollFirst();
                heldWeight -= AuditSize.weight(next.get());
            } else {
                spool.removeOldest();
            }
            if (outage != null) {
                recovered();
            }
        }
    }

    /** What a clean stop cannot write now goes to the spool, before what is there, to be written after the next start. */
    void close() {
        deliver();
        if (held.isEmpty()) {
            return;
        }
        List<CommandRecordBatch> remaining = new ArrayList<>(held);
        held.clear();
        long items = remaining.stream().mapToLong(CommandRecordBatch::size).sum();
        heldWeight = 0;
        long lost = spool.prepend(remaining);
        if (lost > 0) {
            LOG.severe("ShellGuard: AUDIT_LOST: the node stops and its audit spool is full: " + lost + " audit events are lost");
        }
        LOG.warning(() -> "ShellGuard: the node stops with " + (items - lost) + " audit events the database has not taken;"
                + " they are kept in " + spool.directory() + " and written after the next start");
    }

    /** Why the audit cannot be written now; empty when it can. */
    Optional<String> unwritable() {
        Outage current = outage;
        return current == null ? Optional.empty()
                : Optional.of("since " + current.since.truncatedTo(ChronoUnit.SECONDS) + ": " + current.cause);
    }

    private void failed(RuntimeException e) {
        String cause = rootMessage(e);
        Outage current = outage;
        if (current == null) {
            outage = new Outage(now(), cause);
            outage.held = held.stream().mapToLong(CommandRecordBatch::size).sum();
            LOG.log(Level.WARNING, "ShellGuard: AUDIT_DELAYED: the audit cannot be written to the database (" + cause
                    + "); audit events are held (memory, then the spool " + spool.directory() + ") and written in order"
                    + " once it can be", e);
        } else {
            current.cause = cause;
            LOG.fine(() -> "ShellGuard: the audit still cannot be written: " + cause);
        }
        nextAttemptMillis = clock.getAsLong() + pauseMillis;
        pauseMillis = Math.min(MAX_PAUSE_MILLIS, pauseMillis * 2);
    }

    /** The first batch went through after an outage: it ends, and its alerts join the end of the line. */
    private void recovered() {
        Outage ended = outage;
        outage = null;
        pauseMillis = FIRST_PAUSE_MILLIS;
        Instant until = now();
        long seconds = Duration.between(ended.since, until).toSeconds();
        String span = "from " + ended.since.truncatedTo(ChronoUnit.SECONDS) + " to " + until.truncatedTo(ChronoUnit.SECONDS)
                + " (" + seconds + " s)";
        LOG.info(() -> "ShellGuard: the audit can be written again after " + seconds + " s; what was held is being written"
                + " in order (" + held.size() + " batch(es) in memory, " + spool.batches() + " spooled)");
        long micros = until.getEpochSecond() * 1_000_000L + until.getNano() / 1000;
        List<SessionAlert> alerts = new ArrayList<>();
        alerts.add(new SessionAlert(null, SessionAlert.Kind.AUDIT_DELAYED, "this node could not write the audit " + span
                + ": " + ended.cause + "; the " + (ended.held - ended.lost) + " audit events of that time were held and written late, in order",
                micros));
        if (ended.spooled > 0) {
            alerts.add(new SessionAlert(null, SessionAlert.Kind.AUDIT_SPOOLED, ended.spooled + " audit events " + span
                    + " outgrew the node's memory limit (" + memoryLimit + ") and went through the spool on disk", micros));
        }
        if (ended.lost > 0) {
            alerts.add(new SessionAlert(null, SessionAlert.Kind.AUDIT_LOST, ended.lost + " audit events " + span
                    + " were dropped: the node's audit spool was full (" + spool.maxBytes() / (1024 * 1024) + " MB)", micros));
        }
        offer(new CommandRecordBatch(newKey(), List.of(), List.of(), List.of(), alerts, List.of()), true);
    }

    private Instant now() {
        return Instant.ofEpochMilli(clock.getAsLong());
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.length() > 300 ? message.substring(0, 300) + "..." : message;
    }
}

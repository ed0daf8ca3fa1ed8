package com.shellguard.connector.adapter.recording;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One session's recording as it happens: output of the target's stdout and stderr (each with its own
 * escaper, since a character can only be split within one stream), resizes and command markers, stamped with
 * the time since the session started.
 *
 * <p>Two sides. The session's threads (the relay's I/O thread above all) only stamp each event and queue it,
 * output as a copy of the raw bytes (into an array the writer hands back for reuse, see {@link OutputChunks}), in
 * the order they happened. The node's {@link RecordingWriter} drains the
 * queue on its own thread: it escapes, writes, and flushes the file each time it has written everything that was
 * queued, so the file trails the session by the writer's own delay (normally well under a millisecond), not by a
 * timer. The queue is bounded: past {@value #LIMIT} bytes, {@link #room()} is a future that completes once the
 * writer has caught up to half of that, and the relay reads no more output until then (the arrays that hold the
 * output count, so the bound is one of memory). A disk slower than the
 * target's output thus slows the session rather than filling the heap, and the relay never waits on the disk
 * itself.
 *
 * <p>What a kill -9 of the node loses: what was still queued, at most {@value #LIMIT} bytes of output per
 * session, normally the last milliseconds. The file is not synced (an operating system crash loses what the
 * kernel had not written back yet).
 *
 * <p>A recording that cannot be written (disk full), or that reaches one of its {@link RecordingLimits}, is given up
 * with one warning and one {@linkplain #onFailure alert} (past a limit, with a last line in the recording that says
 * why): the session goes on, and its audit row still tells what happened.
 */
public final class SessionRecorder implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SessionRecorder.class.getName());
    /** Bytes of queued output past which the relay waits for the writer. */
    static final int LIMIT = 1 << 20;
    private static final long CLOSE_WAIT_SECONDS = 10;
    private static final CompletableFuture<Void> ROOM = CompletableFuture.completedFuture(null);

    private final String sessionId;
    private final AsciicastWriter writer;
    private final LongSupplier clockNanos;
    private final long startNanos;
    private final Consumer<SessionRecorder> due;
    private final Consumer<SessionRecorder> onClose;
    private final CompletableFuture<Void> written = new CompletableFuture<>();
    private final RecordingLimits limits;
    private final OutputChunks chunks;

    // the session's side, under this object's lock
    private ArrayDeque<Event> events = new ArrayDeque<>();
    private long queuedBytes;
    private boolean asked;
    private boolean closing;
    private CompletableFuture<Void> room;

    // the writer's side: only the thread that drains touches these
    private final Utf8JsonEscaper stdout = new Utf8JsonEscaper();
    private final Utf8JsonEscaper stderr = new Utf8JsonEscaper();
    private volatile boolean failed;
    private long recordedBytes;
    private long spaceCheckedNanos;
    private volatile Consumer<String> failure = why -> { };

    /** What happened, as the session's thread saw it; written by the writer, in this order. */
    private sealed interface Event {
        long micros();

        /** Bytes of memory this event's output holds in the queue (the relay's backpressure counts only output). */
        default int size() {
            return 0;
        }

        /**
         * What this event costs the recording, charged against its {@link RecordingLimits}: a window change or a
         * marker writes a line of its own, and a client sending window changes without end would otherwise fill
         * the volume with no output at all.
         */
        default int recorded() {
            return LINE;
        }
    }

    /** A recording line's own bytes, its time stamp, code and brackets, about what a window change writes. */
    private static final int LINE = 32;

    /** {@code length} bytes of output at the start of {@code data}, an array from {@link OutputChunks}. */
    private record Output(long micros, boolean error, byte[] data, int length) implements Event {
        @Override
        public int size() {
            return data.length;
        }

        @Override
        public int recorded() {
            return length;
        }
    }

    private record GatewayText(long micros, String text) implements Event {
        @Override
        public int recorded() {
            return LINE + text.length();
        }
    }

    private record Resize(long micros, int columns, int rows) implements Event {
    }

    private record Marker(long micros, String label) implements Event {
        @Override
        public int recorded() {
            return LINE + label.length();
        }
    }

    private record End(long micros) implements Event {
    }

    /**
     * Writes the header at once; {@code due} hands the recorder to the writer whenever events start waiting,
     * {@code onClose} is told once it is closed.
     */
    SessionRecorder(String sessionId, OutputStream file, AsciicastHeader header, LongSupplier clockNanos,
                    Consumer<SessionRecorder> due, Consumer<SessionRecorder> onClose, RecordingLimits limits,
                    OutputChunks chunks) {
        this.sessionId = sessionId;
        this.limits = limits;
        this.chunks = chunks;
        this.writer = new AsciicastWriter(file);
        this.clockNanos = clockNanos;
        this.startNanos = clockNanos.getAsLong();
        this.spaceCheckedNanos = startNanos - 2_000_000_000L;
        this.due = due;
        this.onClose = onClose;
        write(() -> {
            writer.header(header);
            writer.flush();
        });
    }

    public String sessionId() {
        return sessionId;
    }

    /** Told once, with why, if the recording is given up: what the session shows from then on is not recorded. */
    public void onFailure(Consumer<String> failure) {
        this.failure = failure;
    }

    /** Bytes the target wrote to its stdout (the terminal, for a shell); copied, so the caller may reuse them. */
    public void output(byte[] data, int offset, int length) {
        bytes(false, data, offset, length);
    }

    /** Bytes the target wrote to its stderr (exec sessions; a terminal merges it into stdout). */
    public void errorOutput(byte[] data, int offset, int length) {
        bytes(true, data, offset, length);
    }

    /** Text the gateway itself showed the user, such as why it ended the session. */
    public void gatewayOutput(String text) {
        queue(at -> new GatewayText(at, text));
    }

    public void resize(int columns, int rows) {
        queue(at -> new Resize(at, columns, rows));
    }

    /** A point a player can jump to: a command the hook reported, with its verdict. */
    public void marker(String label) {
        queue(at -> new Marker(at, label));
    }

    /**
     * Done when more output may be queued: at once while less than {@value #LIMIT} bytes wait, else when the writer
     * has caught up. The relay checks it before each read of the target's output.
     */
    public synchronized CompletableFuture<Void> room() {
        if (queuedBytes <= LIMIT || failed || closing) {
            return ROOM;
        }
        if (room == null) {
            room = new CompletableFuture<>();
        }
        return room;
    }

    /**
     * Writes what the decoders still hold, and closes the file once everything queued before is written; waits for
     * that (at most {@value #CLOSE_WAIT_SECONDS} s), so a recording whose session has ended is complete. Safe to
     * call more than once.
     */
    @Override
    public void close() {
        if (!queue(End::new)) {
            return;
        }
        try {
            written.get(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(Level.WARNING, "the recording of session " + sessionId + " was not completely written within "
                    + CLOSE_WAIT_SECONDS + " s; the writer finishes it later", e);
        }
        onClose.accept(this);
    }

    private void bytes(boolean error, byte[] data, int offset, int length) {
        if (length > 0) {
            byte[] copy = chunks.take(length);
            System.arraycopy(data, offset, copy, 0, length);
            queue(at -> new Output(at, error, copy, length));
        }
    }

    private interface Stamped {
        Event at(long micros);
    }

    /** Queues the event, stamped now; false when the recording is closed already. */
    private boolean queue(Stamped event) {
        boolean ask;
        synchronized (this) {
            if (closing) {
                return false;
            }
            Event e = event.at((clockNanos.getAsLong() - startNanos) / 1000);
            closing = e instanceof End;
            if (failed && !closing) {
                return true;
            }
            events.add(e);
            queuedBytes += e.size();
            ask = !asked;
            asked = true;
        }
        if (ask) {
            due.accept(this);
        }
        return true;
    }

    /**
     * The writer's part: writes every event queued so far, flushes, and hands the recorder back to the writer if
     * more arrived meanwhile. Only one thread drains a recorder at a time (it is due once until drained).
     */
    void drain() {
        ArrayDeque<Event> batch;
        synchronized (this) {
            batch = events;
            events = new ArrayDeque<>();
        }
        long size = 0;
        boolean ended = false;
        for (Event e : batch) {
            size += e.size();
            ended |= e instanceof End;
            if (!(e instanceof End) && !failed) {
                String over = overLimit(e.recorded());
                if (over != null) {
                    giveUp(e.micros(), over);
                }
            }
            write(() -> writeEvent(e));
            if (e instanceof Output o) {
                chunks.give(o.data());
            }
        }
        write(writer::flush);
        if (ended) {
            closeFile();
            written.complete(null);
        }
        CompletableFuture<Void> freed = null;
        boolean again;
        synchronized (this) {
            queuedBytes -= size;
            if (room != null && (queuedBytes <= LIMIT / 2 || failed)) {
                freed = room;
                room = null;
            }
            again = !events.isEmpty();
            asked = again;
        }
        if (freed != null) {
            freed.complete(null);
        }
        if (again) {
            due.accept(this);
        }
    }

    /** Why recording {@code length} more bytes would pass a limit, or null. */
    private String overLimit(int length) {
        recordedBytes += length;
        if (limits.maxOutputBytes() > 0 && recordedBytes > limits.maxOutputBytes()) {
            return "the session's recording passed " + limits.maxOutputBytes() / RecordingLimits.MIB
                    + " MiB, the recording's limit (SHELLGUARD_RECORDING_MAX_MB)";
        }
        long now = clockNanos.getAsLong();
        if (limits.minFreeBytes() > 0 && now - spaceCheckedNanos >= 1_000_000_000L) {
            spaceCheckedNanos = now;
            long free = limits.usableBytes().getAsLong();
            if (free < limits.minFreeBytes()) {
                return "the recordings volume has " + free / RecordingLimits.MIB + " MiB free, less than the "
                        + limits.minFreeBytes() / RecordingLimits.MIB + " MiB it keeps (SHELLGUARD_RECORDING_MIN_FREE_MB)";
            }
        }
        return null;
    }

    /** Ends the recording with a line that says why; the session goes on. */
    private void giveUp(long micros, String why) {
        String told = "recording stopped: " + why + "; the session goes on unrecorded";
        write(() -> {
            writer.outputRest(micros, stdout);
            writer.outputRest(micros, stderr);
            writer.output(micros, "\r\n[shellguard: " + told + "]\r\n");
            writer.flush();
        });
        if (!failed) {
            failed = true;
            LOG.warning(() -> "the recording of session " + sessionId + ": " + told);
            failure.accept(told);
        }
    }

    private void writeEvent(Event event) throws IOException {
        long at = event.micros();
        if (event instanceof Output o) {
            writer.output(at, o.error() ? stderr : stdout, o.data(), 0, o.length());
        } else if (event instanceof GatewayText t) {
            writer.output(at, t.text());
        } else if (event instanceof Resize r) {
            writer.resize(at, r.columns(), r.rows());
        } else if (event instanceof Marker m) {
            writer.marker(at, m.label());
        } else {
            writer.outputRest(at, stdout);
            writer.outputRest(at, stderr);
        }
    }

    private void closeFile() {
        try {
            writer.close();
        } catch (IOException e) {
            if (!failed) {
                LOG.log(Level.WARNING, "the recording of session " + sessionId + " could not be closed", e);
            }
        }
    }

    private interface Step {
        void run() throws IOException;
    }

    private void write(Step step) {
        if (failed) {
            return;
        }
        try {
            step.run();
        } catch (IOException e) {
            failed = true;
            LOG.log(Level.WARNING, "the recording of session " + sessionId + " cannot be written any more; the session goes on unrecorded", e);
            failure.accept("the recording cannot be written any more (" + e.getMessage() + "); the session goes on unrecorded");
        }
    }
}

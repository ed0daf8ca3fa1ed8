package com.shellguard.connector.adapter.recording;

import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One session's recording as it happens: output of the target's stdout and stderr (each with its own
 * escaper, since a character can only be split within one stream), resizes and command markers, stamped with
 * the time since the session started. Events are written into a buffer; {@link Recordings} flushes every
 * open recording several times a second, so a crash loses well under a second and the relay never waits for
 * the disk.
 *
 * <p>A recording that cannot be written (disk full) is given up with one warning: the session goes on, and
 * its audit row still tells what happened.
 */
public final class SessionRecorder implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SessionRecorder.class.getName());

    private final String sessionId;
    private final AsciicastWriter writer;
    private final LongSupplier clockNanos;
    private final long startNanos;
    private final Utf8JsonEscaper stdout = new Utf8JsonEscaper();
    private final Utf8JsonEscaper stderr = new Utf8JsonEscaper();
    private final Consumer<SessionRecorder> onClose;
    private boolean dirty;
    private boolean failed;
    private boolean closed;

    SessionRecorder(String sessionId, OutputStream file, AsciicastHeader header, LongSupplier clockNanos,
                    Consumer<SessionRecorder> onClose) {
        this.sessionId = sessionId;
        this.writer = new AsciicastWriter(file);
        this.clockNanos = clockNanos;
        this.startNanos = clockNanos.getAsLong();
        this.onClose = onClose;
        write(() -> writer.header(header));
    }

    public String sessionId() {
        return sessionId;
    }

    /** Bytes the target wrote to its stdout (the terminal, for a shell). */
    public synchronized void output(byte[] data, int offset, int length) {
        bytes(stdout, data, offset, length);
    }

    /** Bytes the target wrote to its stderr (exec sessions; a terminal merges it into stdout). */
    public synchronized void errorOutput(byte[] data, int offset, int length) {
        bytes(stderr, data, offset, length);
    }

    /** Text the gateway itself showed the user, such as why it ended the session. */
    public synchronized void gatewayOutput(String text) {
        long at = elapsedMicros();
        write(() -> writer.output(at, text));
    }

    public synchronized void resize(int columns, int rows) {
        long at = elapsedMicros();
        write(() -> writer.resize(at, columns, rows));
    }

    /** A point a player can jump to: a command the hook reported, with its verdict. */
    public synchronized void marker(String label) {
        long at = elapsedMicros();
        write(() -> writer.marker(at, label));
    }

    synchronized void flush() {
        if (dirty && !failed && !closed) {
            dirty = false;
            write(writer::flush);
        }
    }

    /** Writes what the decoders still hold, flushes and closes the file. Safe to call more than once. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            long at = elapsedMicros();
            write(() -> writer.outputRest(at, stdout));
            write(() -> writer.outputRest(at, stderr));
            write(writer::close);
            closed = true;
        }
        onClose.accept(this);
    }

    private void bytes(Utf8JsonEscaper stream, byte[] data, int offset, int length) {
        long at = elapsedMicros();
        write(() -> writer.output(at, stream, data, offset, length));
    }

    private long elapsedMicros() {
        return (clockNanos.getAsLong() - startNanos) / 1000;
    }

    private interface Step {
        void run() throws IOException;
    }

    private void write(Step step) {
        if (failed || closed) {
            return;
        }
        try {
            step.run();
            dirty = true;
        } catch (IOException e) {
            failed = true;
            LOG.log(Level.WARNING, "the recording of session " + sessionId + " cannot be written any more; the session goes on unrecorded", e);
        }
    }
}

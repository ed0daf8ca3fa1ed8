package com.shellguard.connector.adapter.recording;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The node's one recording thread: it takes the recordings that have events waiting, in the order they asked,
 * and has each write its batch ({@link SessionRecorder#drain}). Escaping, writing and flushing happen here, so the
 * relay's I/O threads only copy bytes into a queue. A recording with more than one batch waiting goes to the back
 * after each, so a bulk download does not hold up another session's keystrokes for longer than one batch.
 */
final class RecordingWriter implements Consumer<SessionRecorder>, Runnable {

    private static final Logger LOG = Logger.getLogger(RecordingWriter.class.getName());

    private final LinkedBlockingQueue<SessionRecorder> due = new LinkedBlockingQueue<>();
    private volatile boolean stopping;

    /** {@code recorder} has events to write; it asks once until it has been drained. */
    @Override
    public void accept(SessionRecorder recorder) {
        due.add(recorder);
    }

    /** The writer's loop, until {@link #stop} and nothing is due any more. */
    @Override
    public void run() {
        while (true) {
            SessionRecorder recorder;
            try {
                recorder = due.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (recorder == null) {
                if (stopping) {
                    return;
                }
                continue;
            }
            try {
                recorder.drain();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "writing the recording of session " + recorder.sessionId() + " failed", e);
            }
        }
    }

    /** Ends the loop once everything due is written. */
    void stop() {
        stopping = true;
    }
}

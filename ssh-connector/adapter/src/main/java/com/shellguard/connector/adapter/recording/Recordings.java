package com.shellguard.connector.adapter.recording;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * This node's recordings directory and the recordings open in it. One file per session,
 * {@code <sessionId>.cast}, readable by the gateway's account only (it holds whatever the sessions printed).
 * A timer flushes every open recording {@value #FLUSH_MILLIS} ms, so what a live view or a crash sees is never
 * more than that behind.
 */
public final class Recordings implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Recordings.class.getName());
    static final long FLUSH_MILLIS = 250;
    private static final int BUFFER = 64 * 1024;

    private final Path directory;
    private final Timer timer;
    private final Set<SessionRecorder> open = ConcurrentHashMap.newKeySet();

    public Recordings(Path directory, Timer timer) throws IOException {
        this.directory = directory;
        this.timer = timer;
        Files.createDirectories(directory);
        timer.schedule(new TimerTask() {
            @Override
            public void run() {
                flushAll();
            }
        }, FLUSH_MILLIS, FLUSH_MILLIS);
    }

    public Path directory() {
        return directory;
    }

    /** Where a session's recording is written. */
    public static Path file(Path directory, String sessionId) {
        return directory.resolve(sessionId + ".cast");
    }

    /** Starts a session's recording with its header; the caller closes it when the session ends. */
    public SessionRecorder start(String sessionId, AsciicastHeader header) throws IOException {
        Path file = file(directory, sessionId);
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        OutputStream out = new BufferedOutputStream(
                Files.newOutputStream(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND), BUFFER);
        SessionRecorder recorder = new SessionRecorder(sessionId, out, header, System::nanoTime, open::remove);
        open.add(recorder);
        recorder.flush();
        return recorder;
    }

    private void flushAll() {
        for (SessionRecorder recorder : open) {
            try {
                recorder.flush();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not flush the recording of session " + recorder.sessionId(), e);
            }
        }
    }

    /** Closes what is still open: the node stops, and every recording keeps what it had. */
    @Override
    public void close() {
        timer.cancel();
        for (SessionRecorder recorder : open) {
            recorder.close();
        }
    }
}

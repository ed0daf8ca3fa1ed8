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

/**
 * This node's recordings directory and the recordings open in it. One file per session,
 * {@code <sessionId>.cast}, readable by the gateway's account only (it holds whatever the sessions printed).
 * Every recording is written by one {@link RecordingWriter}, which runs on the thread of the timer the container
 * gave (the connector makes no threads of its own), off the relay's path.
 */
public final class Recordings implements AutoCloseable {

    private static final int BUFFER = 64 * 1024;

    private final Path directory;
    private final Timer timer;
    private final RecordingWriter writer = new RecordingWriter();
    private final OutputChunks chunks = new OutputChunks();
    private final Set<SessionRecorder> open = ConcurrentHashMap.newKeySet();
    private final RecordingLimits limits;

    public Recordings(Path directory, Timer timer) throws IOException {
        this.directory = directory;
        this.timer = timer;
        Files.createDirectories(directory);
        this.limits = RecordingLimits.fromEnvironment(directory);
        timer.schedule(new TimerTask() {
            @Override
            public void run() {
                writer.run();
            }
        }, 0);
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
        SessionRecorder recorder = new SessionRecorder(sessionId, out, header, System::nanoTime, writer, open::remove, limits,
                chunks);
        open.add(recorder);
        return recorder;
    }

    /** Closes what is still open: the node stops, and every recording keeps what it had. */
    @Override
    public void close() {
        for (SessionRecorder recorder : open) {
            recorder.close();
        }
        writer.stop();
        timer.cancel();
    }
}

package com.shellguard.recording;

import com.shellguard.audit.AuditRepository;
import com.shellguard.audit.SessionRecord;
import com.shellguard.audit.SessionStatus;
import com.shellguard.common.NotFoundException;
import com.shellguard.common.Settings;
import com.shellguard.common.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Pattern;

/**
 * Finds a session's recording and hands out whole lines of it. The connector writes each file as the
 * session runs and flushes it several times a second, so the end of a live file may be half a line: a slice
 * stops after the last complete line, and the next read starts there. The REST API and the console read
 * recordings through here.
 */
@ApplicationScoped
public class SessionRecordings {

    /** Session ids are the connector's UUIDs; nothing else may reach the file system. */
    private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final int SCAN = 64 * 1024;

    @Inject
    AuditRepository audit;

    @Inject
    Settings settings;

    /** The whole recording so far. */
    public RecordingSlice whole(String sessionId) {
        return from(sessionId, 0, Long.MAX_VALUE);
    }

    /**
     * The complete lines from {@code offset} on, at most about {@code limit} bytes (more only when a single line
     * is longer). Empty when nothing new is complete yet.
     *
     * @throws NotFoundException no such session, or no recording of it on this node
     * @throws ValidationException a negative offset
     */
    public RecordingSlice from(String sessionId, long offset, long limit) {
        if (offset < 0) {
            throw new ValidationException("from must be a byte offset of 0 or more");
        }
        SessionRecord session = SESSION_ID.matcher(sessionId).matches() ? audit.session(sessionId).orElse(null) : null;
        if (session == null) {
            throw new NotFoundException("no session " + sessionId);
        }
        Path file = settings.recordings().resolve(sessionId + ".cast");
        if (!Files.isRegularFile(file)) {
            throw new NotFoundException("no recording of session " + sessionId + " on this node"
                    + (session.getGatewayNode() == null ? "" : " (relayed by node " + session.getGatewayNode() + ")"));
        }
        boolean live = session.getStatus() == SessionStatus.OPEN && session.getEnded() == null;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            long start = Math.min(offset, size);
            long want = Math.max(limit, 1) >= size - start ? size : start + Math.max(limit, 1);
            long end = endOfLastLine(channel, start, want, size);
            return new RecordingSlice(sessionId, file, start, end, live);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the recording of session " + sessionId, e);
        }
    }

    /**
     * Just past the last newline in [start, want); if there is none, just past the first newline after it (a
     * line longer than the limit); {@code start} when no line is complete.
     */
    private static long endOfLastLine(FileChannel channel, long start, long want, long size) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(SCAN);
        for (long chunkEnd = want; chunkEnd > start; chunkEnd -= SCAN) {
            long chunkStart = Math.max(start, chunkEnd - SCAN);
            buffer.clear().limit((int) (chunkEnd - chunkStart));
            channel.read(buffer, chunkStart);
            for (int i = buffer.position() - 1; i >= 0; i--) {
                if (buffer.get(i) == '\n') {
                    return chunkStart + i + 1;
                }
            }
        }
        for (long chunkStart = want; chunkStart < size; chunkStart += SCAN) {
            buffer.clear().limit((int) Math.min(SCAN, size - chunkStart));
            channel.read(buffer, chunkStart);
            for (int i = 0; i < buffer.position(); i++) {
                if (buffer.get(i) == '\n') {
                    return chunkStart + i + 1;
                }
            }
        }
        return start;
    }
}

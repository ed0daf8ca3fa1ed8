package com.shellguard.recording;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Whole lines of a recording, bytes {@code from} (inclusive) to {@code to} (exclusive) of its file: the
 * header and events a player can use as they are. {@code to} is where the next read starts; {@code live} says
 * the session still runs, so more may follow.
 */
public record RecordingSlice(String sessionId, Path file, long from, long to, boolean live) {

    public long length() {
        return to - from;
    }

    /** Copies the slice, for responses of any size. */
    public void transferTo(OutputStream out) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long position = from;
            var sink = Channels.newChannel(out);
            while (position < to) {
                long sent = channel.transferTo(position, to - position, sink);
                if (sent <= 0) {
                    break;
                }
                position += sent;
            }
        }
    }

    /** The slice in memory, for a live view's small increments. */
    public byte[] bytes() {
        var out = new java.io.ByteArrayOutputStream((int) Math.min(length(), Integer.MAX_VALUE - 8));
        try {
            transferTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}

package com.shellguard.connector.adapter.recording;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * One line of the recording being put together, as UTF-8 bytes: reused from event to event, so recording a
 * chunk of output allocates nothing once it has grown to the chunk size.
 */
final class JsonLine {

    private static final int KEEP = 1 << 20;
    private byte[] bytes = new byte[8192];
    private int size;

    void reset() {
        size = 0;
        if (bytes.length > KEEP) {
            bytes = new byte[8192];
        }
    }

    int size() {
        return size;
    }

    /** Drops what was added after {@code mark}: an event that turned out empty. */
    void truncate(int mark) {
        size = mark;
    }

    void room(int extra) {
        if (size + extra > bytes.length) {
            byte[] grown = new byte[Math.max(bytes.length * 2, size + extra)];
            System.arraycopy(bytes, 0, grown, 0, size);
            bytes = grown;
        }
    }

    void put(int b) {
        room(1);
        bytes[size++] = (byte) b;
    }

    void put(byte[] data, int offset, int length) {
        room(length);
        System.arraycopy(data, offset, bytes, size, length);
        size += length;
    }

    /** Text that needs no escaping: numbers, keys, punctuation. */
    void ascii(String s) {
        put(s.getBytes(StandardCharsets.US_ASCII), 0, s.length());
    }

    void writeTo(OutputStream out) throws IOException {
        out.write(bytes, 0, size);
    }
}

package com.shellguard.connector.adapter.recording;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns one output stream's bytes into text, chunk by chunk, as the relay reads them. A multibyte character
 * that a read splits is held back until the rest arrives, so it is never recorded as two replacement
 * characters; bytes that are not UTF-8 (binary output) become U+FFFD, which keeps the recording valid JSON.
 * Not thread-safe: one per stream, used under its recorder's lock.
 */
final class TerminalTextDecoder {

    /** The longest a UTF-8 sequence can be; at most this minus one byte is ever held back. */
    private static final int MAX_SEQUENCE = 4;

    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final byte[] held = new byte[MAX_SEQUENCE];
    private int heldLength;

    /** The text the bytes complete; may be empty when they only start a character. */
    CharSequence decode(byte[] data, int offset, int length) {
        ByteBuffer in;
        if (heldLength == 0) {
            in = ByteBuffer.wrap(data, offset, length);
        } else {
            byte[] joined = new byte[heldLength + length];
            System.arraycopy(held, 0, joined, 0, heldLength);
            System.arraycopy(data, offset, joined, heldLength, length);
            in = ByteBuffer.wrap(joined);
        }
        CharBuffer out = CharBuffer.allocate(in.remaining());
        decoder.decode(in, out, false);
        heldLength = in.remaining();
        in.get(held, 0, heldLength);
        return out.flip();
    }

    /** What is still held back when the stream ends: an incomplete character, shown as U+FFFD. */
    CharSequence finish() {
        ByteBuffer in = ByteBuffer.wrap(held, 0, heldLength);
        CharBuffer out = CharBuffer.allocate(heldLength + 1);
        decoder.decode(in, out, true);
        decoder.flush(out);
        heldLength = 0;
        decoder.reset();
        return out.flip();
    }
}

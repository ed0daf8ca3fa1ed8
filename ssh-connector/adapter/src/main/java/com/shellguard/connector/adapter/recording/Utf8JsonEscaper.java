package com.shellguard.connector.adapter.recording;

/**
 * Turns one output stream's bytes into the inside of a JSON string, chunk by chunk as the relay reads them,
 * without ever decoding to Java characters: valid UTF-8 is copied as it is, quotes, backslashes and control
 * characters are escaped, and bytes that are not UTF-8 (binary output) become U+FFFD, one per maximal
 * invalid sequence as the Unicode standard recommends, so every line stays valid UTF-8 JSON. A character that
 * a read splits is held back until the rest arrives. One pass over the bytes, with runs of plain ASCII copied
 * at once: the recording has to keep up with a bulk {@code cat} through the relay.
 *
 * <p>Not thread-safe: one per stream, used under its recorder's lock.
 */
final class Utf8JsonEscaper {

    private static final byte[] REPLACEMENT = {(byte) 0xef, (byte) 0xbf, (byte) 0xbd};
    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final byte[] held = new byte[3];
    private int heldLength;

    /** Appends the escaped text the bytes complete; a character they only begin is kept for the next call. */
    void escape(byte[] data, int offset, int length, JsonLine out) {
        if (heldLength > 0) {
            byte[] joined = new byte[heldLength + length];
            System.arraycopy(held, 0, joined, 0, heldLength);
            System.arraycopy(data, offset, joined, heldLength, length);
            heldLength = 0;
            escape(joined, 0, joined.length, out, false);
        } else {
            escape(data, offset, length, out, false);
        }
    }

    /** The stream ended: a character still incomplete is shown as U+FFFD. */
    void finish(JsonLine out) {
        if (heldLength > 0) {
            int n = heldLength;
            heldLength = 0;
            escape(held.clone(), 0, n, out, true);
        }
    }

    /** The escaped text of a complete string (a title, a marker); it never holds anything back. */
    static void escapeWhole(byte[] utf8, JsonLine out) {
        new Utf8JsonEscaper().escape(utf8, 0, utf8.length, out, true);
    }

    private void escape(byte[] in, int offset, int length, JsonLine out, boolean last) {
        out.room(length + 16);
        int i = offset;
        int end = offset + length;
        while (i < end) {
            int run = i;
            while (run < end && in[run] >= 0x20 && in[run] != '"' && in[run] != '\\') {
                run++;
            }
            if (run > i) {
                out.put(in, i, run - i);
                i = run;
                if (i == end) {
                    return;
                }
            }
            int b = in[i] & 0xff;
            if (b < 0x80) {
                control(b, out);
                i++;
                continue;
            }
            int needed;
            int low = 0x80;
            int high = 0xbf;
            if (b >= 0xc2 && b <= 0xdf) {
                needed = 1;
            } else if (b >= 0xe0 && b <= 0xef) {
                needed = 2;
                low = b == 0xe0 ? 0xa0 : 0x80;
                high = b == 0xed ? 0x9f : 0xbf;
            } else if (b >= 0xf0 && b <= 0xf4) {
                needed = 3;
                low = b == 0xf0 ? 0x90 : 0x80;
                high = b == 0xf4 ? 0x8f : 0xbf;
            } else {
                out.put(REPLACEMENT, 0, 3);
                i++;
                continue;
            }
            int j = i + 1;
            boolean valid = true;
            for (int k = 0; k < needed; k++, j++) {
                if (j == end) {
                    if (!last) {
                        heldLength = end - i;
                        System.arraycopy(in, i, held, 0, heldLength);
                        return;
                    }
                    valid = false;
                    break;
                }
                int c = in[j] & 0xff;
                if (c < (k == 0 ? low : 0x80) || c > (k == 0 ? high : 0xbf)) {
                    valid = false;
                    break;
                }
            }
            if (valid) {
                out.put(in, i, j - i);
            } else {
                out.put(REPLACEMENT, 0, 3);
            }
            i = j;
        }
    }

    private static void control(int b, JsonLine out) {
        byte[] escaped = ESCAPES[b];
        out.put(escaped, 0, escaped.length);
    }

    /** How each byte that JSON does not take as it is gets written: quote, backslash and C0 controls. */
    private static final byte[][] ESCAPES = new byte['\\' + 1][];

    static {
        for (int b = 0; b < 0x20; b++) {
            ESCAPES[b] = new byte[] {'\\', 'u', '0', '0', HEX[b >> 4], HEX[b & 0xf]};
        }
        ESCAPES['"'] = new byte[] {'\\', '"'};
        ESCAPES['\\'] = new byte[] {'\\', '\\'};
        ESCAPES['\n'] = new byte[] {'\\', 'n'};
        ESCAPES['\r'] = new byte[] {'\\', 'r'};
        ESCAPES['\t'] = new byte[] {'\\', 't'};
        ESCAPES['\b'] = new byte[] {'\\', 'b'};
        ESCAPES['\f'] = new byte[] {'\\', 'f'};
    }
}

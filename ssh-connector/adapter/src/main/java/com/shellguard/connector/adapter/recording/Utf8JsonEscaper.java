package com.shellguard.connector.adapter.recording;

/**
 * Turns one output stream's bytes into the inside of a JSON string, chunk by chunk as the relay reads them,
 * without ever decoding to Java characters: valid UTF-8 is copied as it is, quotes, backslashes and control
 * characters are escaped, and bytes that are not UTF-8 (binary output) become U+FFFD, one per maximal
 * invalid sequence as the Unicode standard recommends, so every line stays valid UTF-8 JSON. A character that
 * a read splits is held back until the rest arrives. One pass over the bytes, with runs of plain ASCII copied
 * at once: the recording has to keep up with a bulk {@code cat} through the relay.
 *
 * <p>Not thread-safe: one per stream, used by the recording's writer only.
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
            while (run + 8 <= end && plain((long) WORDS.get(in, run))) {
                run += 8;
            }
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

    private static final java.lang.invoke.VarHandle WORDS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    /**
     * Whether all eight bytes of a word are copied as they are (printable ASCII other than quote and backslash),
     * tested at once rather than byte by byte: a byte with the high bit set, a byte below 0x20, a byte equal to
     * either of the two. Terminal output is mostly such bytes, so this is the escaper's speed.
     */
    private static boolean plain(long w) {
        long below = (w - 0x20 * ONES) & ~w;
        long quote = w ^ ('"' * ONES);
        long backslash = w ^ ('\\' * ONES);
        long zeroQuote = (quote - ONES) & ~quote;
        long zeroBackslash = (backslash - ONES) & ~backslash;
        return ((w | below | zeroQuote | zeroBackslash) & HIGHS) == 0;
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

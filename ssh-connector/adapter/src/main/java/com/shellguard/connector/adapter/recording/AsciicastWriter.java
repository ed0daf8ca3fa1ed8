package com.shellguard.connector.adapter.recording;

import java.io.IOException;
import java.io.Writer;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes asciicast v2 (https://docs.asciinema.org/manual/asciicast/v2/): a header object on the first line,
 * then one JSON array per line, {@code [seconds, code, data]}, with code {@code o} (output), {@code r}
 * (resize, {@code "COLSxROWS"}) or {@code m} (marker). Times are seconds since the start with microsecond
 * precision. JSON text is escaped here rather than by a JSON library: the relay hands over every chunk of
 * output, and building an object tree per chunk would cost more than the copy itself.
 */
public final class AsciicastWriter {

    private final Writer out;
    private final StringBuilder line = new StringBuilder(256);

    public AsciicastWriter(Writer out) {
        this.out = out;
    }

    public void header(AsciicastHeader header) throws IOException {
        line.setLength(0);
        line.append("{\"version\":2,\"width\":").append(header.width())
                .append(",\"height\":").append(header.height())
                .append(",\"timestamp\":").append(header.timestamp());
        if (header.command() != null) {
            line.append(",\"command\":");
            quote(header.command(), line);
        }
        if (header.title() != null) {
            line.append(",\"title\":");
            quote(header.title(), line);
        }
        line.append(",\"env\":{");
        boolean first = true;
        for (Map.Entry<String, String> e : new TreeMap<>(header.env()).entrySet()) {
            if (!first) {
                line.append(',');
            }
            first = false;
            quote(e.getKey(), line);
            line.append(':');
            quote(e.getValue(), line);
        }
        line.append("}}\n");
        out.append(line);
    }

    public void output(long micros, CharSequence text) throws IOException {
        event(micros, 'o', text);
    }

    public void resize(long micros, int columns, int rows) throws IOException {
        event(micros, 'r', columns + "x" + rows);
    }

    public void marker(long micros, String label) throws IOException {
        event(micros, 'm', label);
    }

    public void flush() throws IOException {
        out.flush();
    }

    public void close() throws IOException {
        out.close();
    }

    private void event(long micros, char code, CharSequence data) throws IOException {
        line.setLength(0);
        line.append('[');
        seconds(micros, line);
        line.append(",\"").append(code).append("\",");
        quote(data, line);
        line.append("]\n");
        out.append(line);
        if (line.capacity() > 64 * 1024) {
            line.setLength(0);
            line.trimToSize();
        }
    }

    /** Microseconds as seconds with six decimals, without going through floating point. */
    static void seconds(long micros, StringBuilder to) {
        long whole = micros / 1_000_000;
        int fraction = (int) (micros % 1_000_000);
        to.append(whole).append('.');
        for (int scale = 100_000; scale > fraction && scale > 1; scale /= 10) {
            to.append('0');
        }
        to.append(fraction);
    }

    /** A JSON string literal (RFC 8259): quotes, backslashes and control characters escaped. */
    static void quote(CharSequence s, StringBuilder to) {
        to.append('"');
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> to.append("\\\"");
                case '\\' -> to.append("\\\\");
                case '\n' -> to.append("\\n");
                case '\r' -> to.append("\\r");
                case '\t' -> to.append("\\t");
                case '\b' -> to.append("\\b");
                case '\f' -> to.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
                        to.append("\\u").append(HEX[c >> 12 & 0xf]).append(HEX[c >> 8 & 0xf])
                                .append(HEX[c >> 4 & 0xf]).append(HEX[c & 0xf]);
                    } else {
                        to.append(c);
                    }
                }
            }
        }
        to.append('"');
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();
}

package com.shellguard.connector.adapter.recording;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes asciicast v2 (https://docs.asciinema.org/manual/asciicast/v2/): a header object on the first line,
 * then one JSON array per line, {@code [seconds, code, data]}, with code {@code o} (output), {@code r}
 * (resize, {@code "COLSxROWS"}) or {@code m} (marker). Times are seconds since the start with microsecond
 * precision. Lines are built as UTF-8 bytes and output goes from the relay's bytes to the file's without
 * becoming Java text: the relay hands over every chunk of output, and a JSON library or a round trip through
 * characters cost several times the copy itself.
 */
final class AsciicastWriter {

    private final OutputStream out;
    private final JsonLine line = new JsonLine();

    AsciicastWriter(OutputStream out) {
        this.out = out;
    }

    void header(AsciicastHeader header) throws IOException {
        line.reset();
        line.ascii("{\"version\":2,\"width\":" + header.width() + ",\"height\":" + header.height()
                + ",\"timestamp\":" + header.timestamp());
        if (header.command() != null) {
            line.ascii(",\"command\":");
            quote(header.command());
        }
        if (header.title() != null) {
            line.ascii(",\"title\":");
            quote(header.title());
        }
        line.ascii(",\"env\":{");
        boolean first = true;
        for (Map.Entry<String, String> e : new TreeMap<>(header.env()).entrySet()) {
            if (!first) {
                line.put(',');
            }
            first = false;
            quote(e.getKey());
            line.put(':');
            quote(e.getValue());
        }
        line.ascii("}}\n");
        line.writeTo(out);
    }

    /**
     * Output bytes of one stream, escaped by that stream's {@code escaper}; nothing is written when they only
     * begin a character.
     */
    void output(long micros, Utf8JsonEscaper escaper, byte[] data, int offset, int length) throws IOException {
        start(micros, 'o');
        int mark = line.size();
        escaper.escape(data, offset, length, line);
        if (line.size() > mark) {
            finish();
        }
    }

    /** What a stream's escaper still held when the stream ended. */
    void outputRest(long micros, Utf8JsonEscaper escaper) throws IOException {
        start(micros, 'o');
        int mark = line.size();
        escaper.finish(line);
        if (line.size() > mark) {
            finish();
        }
    }

    void output(long micros, String text) throws IOException {
        event(micros, 'o', text);
    }

    void resize(long micros, int columns, int rows) throws IOException {
        event(micros, 'r', columns + "x" + rows);
    }

    void marker(long micros, String label) throws IOException {
        event(micros, 'm', label);
    }

    void flush() throws IOException {
        out.flush();
    }

    void close() throws IOException {
        out.close();
    }

    private void event(long micros, char code, String data) throws IOException {
        start(micros, code);
        Utf8JsonEscaper.escapeWhole(data.getBytes(StandardCharsets.UTF_8), line);
        finish();
    }

    private void start(long micros, char code) {
        line.reset();
        line.put('[');
        line.ascii(seconds(micros));
        line.ascii(",\"" + code + "\",\"");
    }

    private void finish() throws IOException {
        line.ascii("\"]\n");
        line.writeTo(out);
    }

    private void quote(String s) {
        line.put('"');
        Utf8JsonEscaper.escapeWhole(s.getBytes(StandardCharsets.UTF_8), line);
        line.put('"');
    }

    /** Microseconds as seconds with six decimals, without going through floating point. */
    static String seconds(long micros) {
        String fraction = Long.toString(micros % 1_000_000);
        return micros / 1_000_000 + "." + "000000".substring(fraction.length()) + fraction;
    }
}

package com.shellguard.connector.adapter.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AsciicastWriterTest {

    private final ByteArrayOutputStream file = new ByteArrayOutputStream();
    private final AsciicastWriter writer = new AsciicastWriter(file);

    private String text() {
        return file.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theHeaderCarriesSizeStartTimeEnvironmentTitleAndCommand() throws IOException {
        writer.header(new AsciicastHeader(120, 40, 1_790_000_000L, Map.of("TERM", "xterm-256color", "SHELL", "/bin/bash"),
                "alice@root@web01", "uptime"));
        JsonObject header = AsciicastLines.header(text());
        assertEquals(2, header.getInt("version"));
        assertEquals(120, header.getInt("width"));
        assertEquals(40, header.getInt("height"));
        assertEquals(1_790_000_000L, header.getJsonNumber("timestamp").longValue());
        assertEquals("xterm-256color", header.getJsonObject("env").getString("TERM"));
        assertEquals("/bin/bash", header.getJsonObject("env").getString("SHELL"));
        assertEquals("alice@root@web01", header.getString("title"));
        assertEquals("uptime", header.getString("command"));
    }

    @Test
    void anInteractiveSessionsHeaderHasNoCommand() throws IOException {
        writer.header(new AsciicastHeader(80, 24, 1L, Map.of(), "bob@web01", null));
        assertFalse(AsciicastLines.header(text()).containsKey("command"));
    }

    @Test
    void eventsAreArraysOfSecondsCodeAndData() throws IOException {
        writer.header(new AsciicastHeader(80, 24, 1L, Map.of(), "t", null));
        writer.output(1_500_000, "hello\r\n");
        writer.resize(2_000_001, 100, 30);
        writer.marker(12_345_678, "ls -la [ALLOW]");
        List<JsonArray> events = AsciicastLines.events(text());
        assertEquals(3, events.size());
        assertEquals("1.500000", events.get(0).getJsonNumber(0).toString());
        assertEquals("o", events.get(0).getString(1));
        assertEquals("hello\r\n", events.get(0).getString(2));
        assertEquals("2.000001", events.get(1).getJsonNumber(0).toString());
        assertEquals(List.of("r", "100x30"), List.of(events.get(1).getString(1), events.get(1).getString(2)));
        assertEquals("12.345678", events.get(2).getJsonNumber(0).toString());
        assertEquals(List.of("m", "ls -la [ALLOW]"), List.of(events.get(2).getString(1), events.get(2).getString(2)));
    }

    @Test
    void quotesBackslashesAndEveryControlCharacterSurviveAsJson() throws IOException {
        StringBuilder all = new StringBuilder("say \"hi\" \\ there \u2028\u2029\u007f é ✓ 😀");
        for (char c = 0; c < 0x20; c++) {
            all.append(c);
        }
        writer.header(new AsciicastHeader(80, 24, 1L, Map.of(), "t", null));
        writer.output(0, all.toString());
        String text = text();
        assertEquals(2, text.lines().count(), "control characters must not break the line");
        assertEquals(all.toString(), AsciicastLines.output(text));
    }

    @Test
    void secondsKeepSixDecimalsWithLeadingZeros() {
        for (var c : Map.of(0L, "0.000000", 5L, "0.000005", 1_000_000L, "1.000000", 61_012_345L, "61.012345").entrySet()) {
            assertEquals(c.getValue(), AsciicastWriter.seconds(c.getKey()));
        }
    }
}

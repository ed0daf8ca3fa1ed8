package com.shellguard.connector.adapter.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SessionRecorderTest {

    private final ByteArrayOutputStream file = new ByteArrayOutputStream();
    private final AtomicLong nanos = new AtomicLong(5_000_000_000L);
    private final AtomicBoolean closed = new AtomicBoolean();

    private SessionRecorder recorder() {
        return recorder(file);
    }

    private SessionRecorder recorder(OutputStream out) {
        return new SessionRecorder("s1", out, new AsciicastHeader(80, 24, 1L, Map.of(), "t", null), nanos::get,
                r -> closed.set(true));
    }

    @Test
    void aCharacterSplitAcrossReadsIsRecordedWhole() {
        SessionRecorder r = recorder();
        byte[] bytes = "é✓😀".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            r.output(bytes, i, 1);
        }
        r.close();
        assertEquals("é✓😀", AsciicastLines.output(file.toString(StandardCharsets.UTF_8)));
    }

    @Test
    void bytesThatAreNotUtf8BecomeReplacementCharactersAndTheLineStaysValid() {
        SessionRecorder r = recorder();
        byte[] binary = {'a', (byte) 0xff, (byte) 0xfe, 0, 'b', (byte) 0xc3};
        r.output(binary, 0, binary.length);
        r.close();
        assertEquals("a\uFFFD\uFFFD\u0000b\uFFFD", AsciicastLines.output(file.toString(StandardCharsets.UTF_8)));
    }

    @Test
    void stdoutAndStderrAreDecodedSeparatelySoTheirSplitCharactersDoNotMix() {
        SessionRecorder r = recorder();
        byte[] e = "é".getBytes(StandardCharsets.UTF_8);
        byte[] check = "✓".getBytes(StandardCharsets.UTF_8);
        r.output(e, 0, 1);
        r.errorOutput(check, 0, 2);
        r.output(e, 1, 1);
        r.errorOutput(check, 2, 1);
        r.close();
        assertEquals("é✓", AsciicastLines.output(file.toString(StandardCharsets.UTF_8)));
    }

    @Test
    void eventsAreStampedWithTheTimeSinceTheRecordingStarted() {
        SessionRecorder r = recorder();
        nanos.addAndGet(1_250_000_000L);
        r.output("x".getBytes(StandardCharsets.UTF_8), 0, 1);
        nanos.addAndGet(750_000_000L);
        r.resize(132, 50);
        r.marker("rm -rf / [BLOCK no-rm]");
        r.close();
        List<JsonArray> events = AsciicastLines.events(file.toString(StandardCharsets.UTF_8));
        assertEquals("1.250000", events.get(0).getJsonNumber(0).toString());
        assertEquals("2.000000", events.get(1).getJsonNumber(0).toString());
        assertEquals("132x50", events.get(1).getString(2));
        assertEquals("m", events.get(2).getString(1));
        assertEquals("rm -rf / [BLOCK no-rm]", events.get(2).getString(2));
    }

    @Test
    void nothingReachesTheFileBeforeAFlushAndEverythingAfterIt() {
        ByteArrayOutputStream disk = new ByteArrayOutputStream();
        SessionRecorder r = recorder(new BufferedOutputStream(disk, 1 << 16));
        r.output("abc".getBytes(StandardCharsets.UTF_8), 0, 3);
        assertEquals(0, disk.size());
        r.flush();
        assertEquals("abc", AsciicastLines.output(disk.toString(StandardCharsets.UTF_8)));
    }

    @Test
    void closingWritesWhatTheDecoderHeldAndTellsTheOwnerOnce() {
        SessionRecorder r = recorder();
        r.output(new byte[] {(byte) 0xe2, (byte) 0x9c}, 0, 2);
        r.close();
        r.close();
        assertTrue(closed.get());
        assertEquals("\uFFFD", AsciicastLines.output(file.toString(StandardCharsets.UTF_8)));
        r.output("late".getBytes(StandardCharsets.UTF_8), 0, 4);
        assertFalse(file.toString(StandardCharsets.UTF_8).contains("late"));
    }
}

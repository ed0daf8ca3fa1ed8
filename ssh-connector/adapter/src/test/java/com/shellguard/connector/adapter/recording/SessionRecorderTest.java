package com.shellguard.connector.adapter.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class SessionRecorderTest {

    private final ByteArrayOutputStream file = new ByteArrayOutputStream();
    private final AtomicLong nanos = new AtomicLong(5_000_000_000L);
    private final AtomicBoolean closed = new AtomicBoolean();
    private final OutputChunks chunks = new OutputChunks();

    private SessionRecorder recorder() {
        return recorder(file);
    }

    private SessionRecorder recorder(OutputStream out) {
        return recorder(out, SessionRecorder::drain);
    }

    /** {@code due} stands in for the node's writer: draining on the caller's thread, or later. */
    private SessionRecorder recorder(OutputStream out, Consumer<SessionRecorder> due) {
        return recorder(out, due, RecordingLimits.none());
    }

    private SessionRecorder recorder(OutputStream out, Consumer<SessionRecorder> due, RecordingLimits limits) {
        return new SessionRecorder("s1", out, new AsciicastHeader(80, 24, 1L, Map.of(), "t", null), nanos::get,
                due, r -> closed.set(true), limits, chunks);
    }

    /**
     * A session printing without end would fill the volume the node's database and audit spool share with the
     * recordings: past its limit the recording ends with a line saying why and one alert, and the session goes on.
     */
    @Test
    void outputPastTheSessionsLimitEndsTheRecordingWithItsReasonAndOneAlert() {
        SessionRecorder r = recorder(file, SessionRecorder::drain, new RecordingLimits(100, 0, () -> Long.MAX_VALUE));
        List<String> told = new ArrayList<>();
        r.onFailure(told::add);
        r.output("a".repeat(60).getBytes(StandardCharsets.UTF_8), 0, 60);
        r.output("b".repeat(60).getBytes(StandardCharsets.UTF_8), 0, 60);
        r.output("c".repeat(60).getBytes(StandardCharsets.UTF_8), 0, 60);
        r.close();
        String output = AsciicastLines.output(file.toString(StandardCharsets.UTF_8));
        assertTrue(output.startsWith("a".repeat(60)), output);
        assertFalse(output.contains("bbb") || output.contains("ccc"), output);
        assertTrue(output.contains("[shellguard: recording stopped: the session's recording passed 0 MiB") && output.contains("SHELLGUARD_RECORDING_MAX_MB"), output);
        assertEquals(1, told.size(), told.toString());
        assertTrue(closed.get());
    }

    /**
     * A client may send window changes without end and print nothing: each is a line of the recording, so they count
     * against both bounds as output does, or a watched user fills the node's volume with no alert.
     */
    @Test
    void windowChangesWithoutOutputEndTheRecordingAtEitherBound() {
        SessionRecorder capped = recorder(file, SessionRecorder::drain, new RecordingLimits(1000, 0, () -> Long.MAX_VALUE));
        List<String> told = new ArrayList<>();
        capped.onFailure(told::add);
        for (int i = 0; i < 1000; i++) {
            capped.resize(80 + i % 2, 24);
        }
        capped.close();
        assertTrue(file.size() < 3000, "the recording stopped near its 1000 bytes, not at " + file.size());
        assertEquals(1, told.size(), told.toString());
        assertTrue(told.get(0).contains("SHELLGUARD_RECORDING_MAX_MB"), told.toString());

        AtomicLong free = new AtomicLong(0);
        SessionRecorder full = recorder(new ByteArrayOutputStream(), SessionRecorder::drain, new RecordingLimits(0, 1, free::get));
        List<String> toldFull = new ArrayList<>();
        full.onFailure(toldFull::add);
        full.resize(100, 30);
        full.close();
        assertEquals(1, toldFull.size(), "a window change on a full volume is not written: " + toldFull);
    }

    @Test
    void aRecordingsVolumeBelowItsFreeFloorEndsTheRecordingWithItsReason() {
        long mib = 1024L * 1024;
        AtomicLong free = new AtomicLong(5000 * mib);
        SessionRecorder r = recorder(file, SessionRecorder::drain, new RecordingLimits(0, 1024 * mib, free::get));
        List<String> told = new ArrayList<>();
        r.onFailure(told::add);
        r.output("kept".getBytes(StandardCharsets.UTF_8), 0, 4);
        free.set(10 * mib);
        nanos.addAndGet(2_000_000_000L);
        r.output("dropped".getBytes(StandardCharsets.UTF_8), 0, 7);
        r.close();
        String output = AsciicastLines.output(file.toString(StandardCharsets.UTF_8));
        assertTrue(output.startsWith("kept"), output);
        assertFalse(output.contains("dropped"), output);
        assertEquals(List.of("recording stopped: the recordings volume has 10 MiB free, less than the 1024 MiB it keeps"
                + " (SHELLGUARD_RECORDING_MIN_FREE_MB); the session goes on unrecorded"), told);
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
    void theRelaysThreadOnlyQueuesAndTheWriterWritesAndFlushesInOrder() {
        ByteArrayOutputStream disk = new ByteArrayOutputStream();
        List<SessionRecorder> due = new ArrayList<>();
        SessionRecorder r = recorder(new BufferedOutputStream(disk, 1 << 16), due::add);
        int header = disk.size();
        byte[] bytes = "abc".getBytes(StandardCharsets.UTF_8);
        r.output(bytes, 0, 3);
        bytes[0] = 'X';
        r.marker("ls [ALLOW]");
        r.output("def".getBytes(StandardCharsets.UTF_8), 0, 3);
        assertEquals(header, disk.size());
        assertEquals(List.of(r), due, "asks the writer once until drained");
        due.remove(0).drain();
        List<JsonArray> events = AsciicastLines.events(disk.toString(StandardCharsets.UTF_8));
        assertEquals(List.of("abc", "ls [ALLOW]", "def"), events.stream().map(e -> e.getString(2)).toList());
        assertTrue(due.isEmpty());
        r.output("g".getBytes(StandardCharsets.UTF_8), 0, 1);
        assertEquals(List.of(r), due, "due again once drained");
    }

    /**
     * The writer hands each output's array back once written, for the next output of its size: that one must show
     * only its own bytes, never what the array held before, and an array still queued is never handed out again.
     */
    @Test
    void anArrayHandedBackCarriesTheNextOutputAloneAndOnlyOnceWritten() {
        List<SessionRecorder> due = new ArrayList<>();
        SessionRecorder r = recorder(file, due::add);
        byte[] a = "a".repeat(100_000).getBytes(StandardCharsets.UTF_8);
        byte[] b = "b".repeat(70_000).getBytes(StandardCharsets.UTF_8);
        byte[] c = "c".repeat(90_000).getBytes(StandardCharsets.UTF_8);
        r.output(a, 0, a.length);
        r.output(b, 0, b.length);
        due.remove(0).drain();
        r.output(c, 0, c.length);
        r.output(b, 0, b.length);
        due.remove(0).drain();
        r.close();
        assertEquals("a".repeat(100_000) + "b".repeat(70_000) + "c".repeat(90_000) + "b".repeat(70_000),
                AsciicastLines.output(file.toString(StandardCharsets.UTF_8)));
    }

    @Test
    void outputBeyondTheLimitMakesTheRelayWaitUntilTheWriterCaughtUp() {
        List<SessionRecorder> due = new ArrayList<>();
        SessionRecorder r = recorder(new ByteArrayOutputStream(), due::add);
        byte[] chunk = new byte[256 * 1024];
        Arrays.fill(chunk, (byte) 'a');
        for (int i = 0; i * chunk.length <= SessionRecorder.LIMIT; i++) {
            assertTrue(r.room().isDone());
            r.output(chunk, 0, chunk.length);
        }
        CompletableFuture<Void> room = r.room();
        assertFalse(room.isDone());
        due.remove(0).drain();
        assertTrue(room.isDone());
        assertTrue(r.room().isDone());
    }

    @Test
    void closingOnAnotherThreadReturnsOnceTheWriterHasWrittenEverything() throws Exception {
        RecordingWriter writer = new RecordingWriter();
        Thread thread = new Thread(writer);
        thread.start();
        try {
            SessionRecorder r = recorder(file, writer);
            for (int i = 0; i < 1000; i++) {
                r.output(("line " + i + "\n").getBytes(StandardCharsets.UTF_8), 0, ("line " + i + "\n").length());
            }
            r.close();
            assertTrue(closed.get());
            String text = AsciicastLines.output(file.toString(StandardCharsets.UTF_8));
            assertTrue(text.startsWith("line 0\nline 1\n") && text.endsWith("line 999\n"), text);
        } finally {
            writer.stop();
            thread.join();
        }
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

    /**
     * A watched user's output can fill the gateway's disk (300 MB of random bytes made a 710 MB recording); every
     * session of the node then went on unrecorded with a line in the log only. The recording says so once, for an alert.
     */
    @Test
    void aRecordingThatCannotBeWrittenAnyMoreSaysSoOnceAndTheSessionGoesOn() {
        AtomicBoolean full = new AtomicBoolean();
        OutputStream disk = new OutputStream() {
            @Override
            public void write(int b) throws java.io.IOException {
                if (full.get()) {
                    throw new java.io.IOException("No space left on device");
                }
                file.write(b);
            }
        };
        SessionRecorder r = recorder(disk);
        List<String> told = new ArrayList<>();
        r.onFailure(told::add);
        full.set(true);
        r.output("lost".getBytes(StandardCharsets.UTF_8), 0, 4);
        r.output("lost too".getBytes(StandardCharsets.UTF_8), 0, 8);
        r.close();
        assertEquals(1, told.size(), told.toString());
        assertTrue(told.get(0).contains("No space left on device"), told.get(0));
        assertTrue(closed.get());
    }
}

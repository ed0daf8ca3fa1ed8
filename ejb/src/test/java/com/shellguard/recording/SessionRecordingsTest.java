package com.shellguard.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shellguard.audit.InMemoryAuditRepository;
import com.shellguard.audit.SessionRecord;
import com.shellguard.common.NotFoundException;
import com.shellguard.common.Settings;
import com.shellguard.common.ValidationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionRecordingsTest {

    private static final String HEADER = "{\"version\":2,\"width\":80,\"height\":24,\"timestamp\":1}\n";

    @TempDir
    Path dir;

    private final InMemoryAuditRepository sessions = new InMemoryAuditRepository();
    private final SessionRecordings recordings = new SessionRecordings();

    @BeforeEach
    void wire() {
        recordings.settings = new Settings() {
            @Override
            public Path recordings() {
                return dir;
            }
        };
        recordings.audit = sessions;
    }

    private SessionRecord session(String id, String fileText) throws IOException {
        SessionRecord s = new SessionRecord(id, "alice", "web01", "root", "127.0.0.1", "SHELL", null, "node-a",
                OffsetDateTime.now());
        recordings.audit.add(s);
        if (fileText != null) {
            Files.writeString(dir.resolve(id + ".cast"), fileText);
        }
        return s;
    }

    private static String text(RecordingSlice slice) {
        return new String(slice.bytes(), StandardCharsets.UTF_8);
    }

    @Test
    void aLiveRecordingIsReadUpToItsLastCompleteLine() throws IOException {
        session("s1", HEADER + "[0.1,\"o\",\"a\"]\n[0.2,\"o\",\"b");
        RecordingSlice slice = recordings.whole("s1");
        assertEquals(HEADER + "[0.1,\"o\",\"a\"]\n", text(slice));
        assertTrue(slice.live());
        RecordingSlice next = recordings.from("s1", slice.to(), 1 << 20);
        assertEquals(0, next.length(), "the half-written line waits for its end");
        assertEquals(slice.to(), next.to());
    }

    @Test
    void aSliceFromAnOffsetHoldsOnlyWhatCameAfterItAndEndsTheSessionsStory() throws IOException {
        SessionRecord s = session("s2", HEADER + "[0.1,\"o\",\"a\"]\n[0.2,\"o\",\"b\"]\n");
        s.end(0, 0, 0, null, OffsetDateTime.now());
        RecordingSlice slice = recordings.from("s2", HEADER.length(), 1 << 20);
        assertEquals("[0.1,\"o\",\"a\"]\n[0.2,\"o\",\"b\"]\n", text(slice));
        assertFalse(slice.live());
    }

    @Test
    void aLimitStopsAtALineEndAndALineLongerThanTheLimitStillComesWhole() throws IOException {
        String longLine = "[0.3,\"o\",\"" + "x".repeat(200_000) + "\"]\n";
        session("s3", HEADER + longLine + "[0.4,\"o\",\"y\"]\n");
        assertEquals(HEADER, text(recordings.from("s3", 0, HEADER.length() + 10)));
        assertEquals(longLine, text(recordings.from("s3", HEADER.length(), 10)));
    }

    @Test
    void unknownSessionsMissingFilesAndPathsAreNotFoundAndNegativeOffsetsAreRefused() throws IOException {
        session("s4", null);
        assertThrows(NotFoundException.class, () -> recordings.whole("nope"));
        assertTrue(assertThrows(NotFoundException.class, () -> recordings.whole("s4")).getMessage().contains("node-a"));
        assertThrows(NotFoundException.class, () -> recordings.whole("../s4"));
        session("s5", HEADER);
        assertThrows(ValidationException.class, () -> recordings.from("s5", -1, 10));
    }
}

package com.shellguard.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SessionRecordTest {

    private static final OffsetDateTime START = OffsetDateTime.of(2026, 12, 7, 10, 0, 0, 0, ZoneOffset.UTC);

    private static SessionRecord closedBySurvivor() {
        SessionRecord r = new SessionRecord("s1", "alice", "web", "sgtarget", "127.0.0.1", "SHELL", null, "gw1", START);
        r.end(0, 0, null, SessionRecord.NODE_LOST + "the gateway node gw1 stopped answering", START.plusMinutes(1));
        return r;
    }

    @Test
    void theRealEndOfASessionASurvivorClosedAsLostReplacesItsGuessOnceAndKeepsWhatTheSurvivorSaw() {
        SessionRecord r = closedBySurvivor();
        assertTrue(r.closedAsLost());
        r.endAfterTakenForLost(120, 4000, null, "this gateway node (gw1) ... it ends now", START.plusMinutes(3));
        assertEquals(SessionStatus.FAILED, r.getStatus());
        assertEquals(START.plusMinutes(3), r.getEnded());
        assertEquals(4000, r.getBytesToClient());
        assertTrue(r.getMessage().startsWith(SessionRecord.NODE_LOST + "the gateway node gw1 stopped answering"
                + SessionRecord.ALIVE_AFTER_ALL + "the session ran on until it ended (this gateway node (gw1)"), r.getMessage());
        assertFalse(r.closedAsLost(), "an end sent again must not be written twice");
    }

    @Test
    void aRowClosedAnyOtherWayIsNotClosedAsLost() {
        SessionRecord r = new SessionRecord("s2", "alice", "web", "sgtarget", "127.0.0.1", "SHELL", null, "gw1", START);
        assertFalse(r.closedAsLost());
        r.end(1, 2, 0, null, START.plusMinutes(1));
        assertFalse(r.closedAsLost());
    }
}

package com.shellguard.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shellguard.audit.SessionRecord;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SelfFenceTest {

    private static final String LOST = SessionRecord.NODE_LOST + "the gateway node gw1:2222 stopped answering (no heartbeat"
            + " for 30 s, seen by gw2:2222); the session was lost with it";

    @Test
    void aSessionStillRunningHereWhoseAuditASurvivorClosedAsLostEndsWithALineThatSaysWhy() {
        Map<String, String> end = SelfFence.toEnd("gw1:2222", List.of(new SelfFence.Held("s1", true, LOST)));
        assertEquals(List.of("s1"), List.copyOf(end.keySet()));
        assertTrue(end.get("s1").contains("this gateway node (gw1:2222)"), end.get("s1"));
        assertTrue(end.get("s1").contains("took it for lost") && end.get("s1").contains("log in again"), end.get("s1"));
    }

    @Test
    void openRowsAndRowsClosedAnyOtherWayAreLeftAlone() {
        Map<String, String> end = SelfFence.toEnd("gw1:2222", List.of(
                new SelfFence.Held("open", false, null),
                new SelfFence.Held("ended", true, null),
                new SelfFence.Held("failed", true, "target closed without exit status"),
                new SelfFence.Held("restart", true, "the gateway node gw1:2222 stopped while the session was open"),
                new SelfFence.Held("quoted", true, "ended by policy NODE_LOST: x"),
                new SelfFence.Held("lost", true, LOST)));
        assertEquals(List.of("lost"), List.copyOf(end.keySet()));
    }

    @Test
    void aSessionWhoseRealEndTheNodeHasAlreadyWrittenIsNotEndedAgain() {
        String corrected = LOST + SessionRecord.ALIVE_AFTER_ALL + "the session ran on until it ended";
        assertTrue(SelfFence.toEnd("gw1:2222", List.of(new SelfFence.Held("s1", true, corrected))).isEmpty());
    }
}

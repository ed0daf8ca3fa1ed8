package com.shellguard.connector.adapter.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shellguard.connector.adapter.session.SessionState.Phase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SessionStateTest {

    @Test
    void aSessionEndsOnceHoweverManyThreadsEndItAtOnce() throws InterruptedException {
        SessionState state = new SessionState();
        state.opened();
        CountDownLatch go = new CountDownLatch(1);
        AtomicInteger ends = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            boolean administrator = i % 2 == 0;
            Thread t = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                if (administrator) {
                    state.terminating(SessionEnd.terminated());
                }
                state.end().ifPresent(ended -> ends.incrementAndGet());
            });
            threads.add(t);
            t.start();
        }
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(1, ends.get());
    }

    @Test
    void aSessionRefusedBeforeTheApplicationOpenedItIsNotReportedForTheAudit() {
        assertFalse(new SessionState().end().orElseThrow().opened());
        SessionState opened = new SessionState();
        opened.opened();
        assertTrue(opened.end().orElseThrow().opened());
    }

    @Test
    void aRelayDoesNotStartOnceAnAdministratorEndedTheOpeningSession() {
        SessionState state = new SessionState();
        state.opened();
        state.terminating(SessionEnd.terminated());
        assertTrue(state.isTerminating());
        assertFalse(state.relaying(null, null));
        assertTrue(state.end().isPresent());
        assertFalse(state.relaying(null, null));
    }

    @Test
    void aSessionEndedBecauseItsAccessExpiredEndsWithThatLineWhicheverPathEndsIt() {
        SessionState state = new SessionState();
        state.opened();
        assertEquals(SessionEnd.terminated(), state.termination());
        SessionEnd expired = SessionEnd.accessEnded("your access to web01 as root expired at 2026-12-07T10:00:00Z");
        state.terminating(expired);
        assertEquals(expired, state.termination());
        assertEquals(255, state.termination().exitStatus());
    }

    @Test
    void theUserLeavingSilencesTheEndButDoesNotEndTheSession() {
        SessionState state = new SessionState();
        state.opened();
        assertTrue(state.relaying(null, null));
        assertTrue(state.userLeft().isEmpty());
        assertTrue(state.userGone());
        assertFalse(state.hasEnded());
        assertTrue(state.end().isPresent());
    }

    @Test
    void aSessionOpensOnlyFromChoosing() {
        SessionState state = new SessionState();
        state.opened();
        assertThrows(IllegalStateException.class, state::opened);
    }

    @Test
    void everyPhaseCanEndAndNoneLeadsBackOrOutOfTheEnd() {
        for (Phase from : Phase.values()) {
            for (Phase to : Phase.values()) {
                if (to.ordinal() <= from.ordinal()) {
                    assertFalse(from.canMoveTo(to), from + " -> " + to);
                }
            }
            assertEquals(from != Phase.ENDED, from.canMoveTo(Phase.ENDED), from + " -> ENDED");
        }
    }
}

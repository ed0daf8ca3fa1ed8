package com.shellguard.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeSilenceTest {

    private static final long SECOND = 1_000_000_000L;
    private final NodeSilence silence = new NodeSilence(Duration.ofSeconds(30), Duration.ofSeconds(10));

    /** Looks at the rows every 5 s from {@code fromSecond} to {@code toSecond}, both included; returns the last look's. */
    private List<NodeSilence.Silent> watch(List<NodeSilence.Seen> rows, long fromSecond, long toSecond) {
        List<NodeSilence.Silent> silent = List.of();
        for (long t = fromSecond; t <= toSecond; t += 5) {
            silent = silence.observe(rows, "b", t * SECOND);
        }
        return silent;
    }

    private static NodeSilence.Seen row(String name, String incarnation, long beats) {
        return new NodeSilence.Seen(name, incarnation, beats, false);
    }

    @Test
    void aNodeWhoseCounterStopsIsSilentOnceTheThresholdHasPassedOnTheWatchersClock() {
        assertTrue(watch(List.of(row("a", "i1", 7)), 0, 25).isEmpty());
        assertTrue(silence.observe(List.of(row("a", "i1", 7)), "b", 29 * SECOND).isEmpty());
        List<NodeSilence.Silent> silent = silence.observe(List.of(row("a", "i1", 7)), "b", 30 * SECOND);
        assertEquals(List.of(new NodeSilence.Silent("a", "i1", 7, Duration.ofSeconds(30))), silent);
    }

    @Test
    void aMovingCounterOrANewIncarnationStartsTheWaitAgain() {
        watch(List.of(row("a", "i1", 7)), 0, 20);
        silence.observe(List.of(row("a", "i1", 8)), "b", 25 * SECOND);
        assertTrue(watch(List.of(row("a", "i1", 8)), 30, 50).isEmpty());
        // restarted under the same name: the counter is the row's and may even be where it was, the incarnation is new
        silence.observe(List.of(row("a", "i2", 8)), "b", 54 * SECOND);
        assertTrue(watch(List.of(row("a", "i2", 8)), 59, 79).isEmpty());
        assertEquals(1, silence.observe(List.of(row("a", "i2", 8)), "b", 84 * SECOND).size());
    }

    @Test
    void aWatcherThatJustStartedWaitsAWholeThresholdAndNeverJudgesItself() {
        // the row's counter stopped long ago, but this watcher has only just seen it
        assertTrue(watch(List.of(row("a", "i1", 3), row("b", "i9", 1)), 1000, 1025).isEmpty());
        assertEquals(List.of("a"), silence.observe(List.of(row("a", "i1", 3), row("b", "i9", 1)), "b", 1030 * SECOND)
                .stream().map(NodeSilence.Silent::name).toList());
        assertEquals(null, silence.quietFor("b"), "a watcher does not watch itself");
    }

    @Test
    void aNodeAlreadyTakenForLostIsNotJudgedAgain() {
        assertTrue(watch(List.of(new NodeSilence.Seen("a", "i1", 7, true)), 0, 60).isEmpty());
    }

    @Test
    void aWatcherThatCouldNotLookForLongerThanItsBlindLimitStartsEveryWatchOver() {
        // the database was away for everyone for 40 s: the other node could not beat either, and must not be judged
        watch(List.of(row("a", "i1", 7)), 0, 10);
        assertTrue(silence.observe(List.of(row("a", "i1", 7)), "b", 50 * SECOND).isEmpty());
        assertEquals(Duration.ZERO, silence.quietFor("a"));
        assertTrue(watch(List.of(row("a", "i1", 7)), 55, 75).isEmpty());
        assertEquals(Duration.ofSeconds(25), silence.quietFor("a"));
        assertEquals(1, silence.observe(List.of(row("a", "i1", 7)), "b", 80 * SECOND).size(),
                "a whole threshold watched without a gap judges the node");
    }

    @Test
    void aLookOneBeatLateKeepsTheWatchGoing() {
        watch(List.of(row("a", "i1", 7)), 0, 15);
        assertTrue(silence.observe(List.of(row("a", "i1", 7)), "b", 25 * SECOND).isEmpty());
        assertEquals(1, silence.observe(List.of(row("a", "i1", 7)), "b", 30 * SECOND).size());
    }

    @Test
    void theThresholdMustLeaveRoomForThreeHeartbeats() {
        assertEquals(30, NodeWatchTimer.threshold(" 30"));
        assertEquals(15, NodeWatchTimer.threshold("15"));
        assertTrue(assertThrows(IllegalStateException.class, () -> NodeWatchTimer.threshold("14")).getMessage()
                .contains("SHELLGUARD_NODE_LOST_SECONDS must be at least 15"));
        assertTrue(assertThrows(IllegalStateException.class, () -> NodeWatchTimer.threshold("half a minute")).getMessage()
                .contains("SHELLGUARD_NODE_LOST_SECONDS"));
    }
}

package com.shellguard.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeSilenceTest {

    private static final long SECOND = 1_000_000_000L;
    private final NodeSilence silence = new NodeSilence(Duration.ofSeconds(30));

    private static NodeSilence.Seen row(String name, String incarnation, long beats) {
        return new NodeSilence.Seen(name, incarnation, beats, false);
    }

    @Test
    void aNodeWhoseCounterStopsIsSilentOnceTheThresholdHasPassedOnTheWatchersClock() {
        assertTrue(silence.observe(List.of(row("a", "i1", 7)), "b", 0).isEmpty());
        assertTrue(silence.observe(List.of(row("a", "i1", 7)), "b", 29 * SECOND).isEmpty());
        List<NodeSilence.Silent> silent = silence.observe(List.of(row("a", "i1", 7)), "b", 30 * SECOND);
        assertEquals(List.of(new NodeSilence.Silent("a", "i1", 7, Duration.ofSeconds(30))), silent);
    }

    @Test
    void aMovingCounterOrANewIncarnationStartsTheWaitAgain() {
        silence.observe(List.of(row("a", "i1", 7)), "b", 0);
        silence.observe(List.of(row("a", "i1", 8)), "b", 25 * SECOND);
        assertTrue(silence.observe(List.of(row("a", "i1", 8)), "b", 50 * SECOND).isEmpty());
        // restarted under the same name: the counter is the row's and may even be where it was, the incarnation is new
        silence.observe(List.of(row("a", "i2", 8)), "b", 54 * SECOND);
        assertTrue(silence.observe(List.of(row("a", "i2", 8)), "b", 80 * SECOND).isEmpty());
        assertEquals(1, silence.observe(List.of(row("a", "i2", 8)), "b", 84 * SECOND).size());
    }

    @Test
    void aWatcherThatJustStartedWaitsAWholeThresholdAndNeverJudgesItself() {
        // the row's counter stopped long ago, but this watcher has only just seen it
        assertTrue(silence.observe(List.of(row("a", "i1", 3), row("b", "i9", 1)), "b", 1000 * SECOND).isEmpty());
        assertEquals(List.of("a"), silence.observe(List.of(row("a", "i1", 3), row("b", "i9", 1)), "b", 1030 * SECOND)
                .stream().map(NodeSilence.Silent::name).toList());
    }

    @Test
    void aNodeAlreadyTakenForLostIsNotJudgedAgain() {
        silence.observe(List.of(new NodeSilence.Seen("a", "i1", 7, true)), "b", 0);
        assertTrue(silence.observe(List.of(new NodeSilence.Seen("a", "i1", 7, true)), "b", 60 * SECOND).isEmpty());
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

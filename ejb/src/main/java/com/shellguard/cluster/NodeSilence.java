package com.shellguard.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one node has seen of the others' heartbeat counters, and since when, by its own monotonic clock. A node is
 * silent when neither its counter nor its incarnation has moved for the threshold since this watcher first saw it or
 * saw it move: a watcher that just started waits a whole threshold before it judges anyone, and a node's wall clock
 * never enters the judgement. A watcher that could not look for longer than {@code blindAfter} (the database was away
 * for it too, or it stalled itself) starts every watch over: a counter it could not read for a while did not stop, as
 * far as it can tell, and the node behind it may have been as blocked as the watcher was.
 */
final class NodeSilence {

    /** What the watcher read of a node's row. */
    record Seen(String name, String incarnation, long beats, boolean alreadyLost) {
    }

    /** A node silent for at least the threshold, with the counter the closing must find unchanged. */
    record Silent(String name, String incarnation, long beats, Duration silentFor) {
    }

    private record Last(String incarnation, long beats, long sinceNanos) {
    }

    private final Duration threshold;
    private final long blindAfterNanos;
    private final Map<String, Last> last = new HashMap<>();
    private Long lookedAtNanos;

    NodeSilence(Duration threshold, Duration blindAfter) {
        this.threshold = threshold;
        this.blindAfterNanos = blindAfter.toNanos();
    }

    /**
     * Takes in the rows read at {@code nowNanos} (a {@link System#nanoTime()} value) and returns the nodes, other than
     * {@code self}, silent for the threshold and not yet taken for lost.
     */
    synchronized List<Silent> observe(List<Seen> rows, String self, long nowNanos) {
        if (lookedAtNanos != null && nowNanos - lookedAtNanos > blindAfterNanos) {
            last.clear();
        }
        lookedAtNanos = nowNanos;
        List<Silent> silent = new ArrayList<>();
        Set<String> present = new HashSet<>();
        for (Seen row : rows) {
            present.add(row.name());
            if (row.name().equals(self)) {
                continue;
            }
            Last before = last.get(row.name());
            if (before == null || before.beats() != row.beats() || !before.incarnation().equals(row.incarnation())) {
                last.put(row.name(), new Last(row.incarnation(), row.beats(), nowNanos));
                continue;
            }
            Duration quiet = Duration.ofNanos(nowNanos - before.sinceNanos());
            if (!row.alreadyLost() && quiet.compareTo(threshold) >= 0) {
                silent.add(new Silent(row.name(), row.incarnation(), row.beats(), quiet));
            }
        }
        last.keySet().retainAll(present);
        return silent;
    }

    /**
     * How long {@code name}'s counter had stood still at this watcher's last look; null for a node it does not watch
     * (itself) or has not seen yet.
     */
    synchronized Duration quietFor(String name) {
        Last before = last.get(name);
        return before == null || lookedAtNanos == null ? null : Duration.ofNanos(lookedAtNanos - before.sinceNanos());
    }
}

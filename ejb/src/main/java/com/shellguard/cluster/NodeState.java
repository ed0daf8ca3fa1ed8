package com.shellguard.cluster;

import java.time.Instant;

/**
 * One node of the cluster as the node answering sees it: its row ({@code startedAt}, {@code lastBeat} and
 * {@code lostAt} by the clock of the node that wrote each), whether a survivor took it for lost, how long its counter
 * has stood still by the answering node's own clock ({@code quietSeconds}, null for itself and for a node it has not
 * watched yet), and the sessions the audit shows open on it.
 */
public record NodeState(String name, boolean self, String state, long beats, Instant startedAt, Instant lastBeat,
                        Long quietSeconds, Instant lostAt, String lostBy, long openSessions) {

    public static final String ALIVE = "alive";
    public static final String LOST = "lost";
}

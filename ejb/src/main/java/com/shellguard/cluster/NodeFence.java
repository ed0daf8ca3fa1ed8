package com.shellguard.cluster;

import com.shellguard.command.policy.SessionScopes;
import com.shellguard.connector.api.Termination;
import com.shellguard.export.ExportNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * This node's self-fencing: after each beat it asks the audit about the sessions it still relays, and those another
 * node closed as {@code NODE_LOST} (it had taken this node for lost while it stalled, or could not reach the database)
 * are handed to the connector to end, as a termination is, each with a line that tells its user why. The connector
 * asks for terminations every 300 ms, so such a session ends within a beat and a third of a second of the node's first
 * beat after it wakes. Each session so ended gets a {@code NODE_FENCED} alert, once.
 */
@ApplicationScoped
public class NodeFence {

    @Inject
    SessionScopes scopes;

    @Inject
    NodeHeartbeats heartbeats;

    @Inject
    ExportNode node;

    private volatile Map<String, String> fenced = Map.of();
    private Set<String> alerted = Set.of();

    /**
     * Decides again which sessions to end; {@code takenForLostBy} is the survivor the beat found had taken this node
     * for lost, or null. Throws when the database cannot answer: the caller tries again at the next beat.
     */
    synchronized void check(String takenForLostBy) {
        Set<String> live = scopes.openSessionIds();
        String self = node.name();
        Map<String, String> now = live.isEmpty() ? Map.of() : SelfFence.toEnd(self, heartbeats.held(self, live));
        fenced = now;
        Set<String> fresh = new HashSet<>(now.keySet());
        fresh.removeAll(alerted);
        if (!fresh.isEmpty() || takenForLostBy != null) {
            heartbeats.recordFence(self, takenForLostBy, fresh);
        }
        alerted = Set.copyOf(now.keySet());
    }

    /** The sessions this node is ending because the audit closed them while they ran here. */
    public List<Termination> terminations() {
        return fenced.entrySet().stream().map(e -> new Termination(e.getKey(), e.getValue())).toList();
    }
}

package com.shellguard.cluster;

import com.shellguard.audit.SessionRecord;
import com.shellguard.command.audit.AlertKind;
import com.shellguard.command.audit.AlertRecord;
import com.shellguard.command.audit.CommandAuditRepository;
import com.shellguard.common.Clock;
import com.shellguard.session.SessionService;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The heartbeat rows: a node's own beat, what the watchers read, a survivor's closing of a lost node, and what a node
 * taken for lost reads and records when it fences itself. Each runs in
 * a transaction of its own; the beat and the closing both hold the node's row lock, so a node that starts again
 * either registers before the closing (which then finds the counter moved and does nothing) or after it (and finds
 * its old rows already closed).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class NodeHeartbeats {

    private static final Logger LOG = Logger.getLogger(NodeHeartbeats.class.getName());
    private static final int IDS_PER_QUERY = 500;

    @PersistenceContext(unitName = "shellguard")
    EntityManager em;

    @Inject
    SessionService sessions;

    @Inject
    CommandAuditRepository alerts;

    /**
     * Raises this node's counter, registering {@code incarnation} if it is new. Returns the survivor that had taken
     * this very incarnation for lost (it was alive but silent), or null.
     */
    public String beat(String name, String incarnation) {
        long now = System.currentTimeMillis();
        ClusterNode row = em.find(ClusterNode.class, name, LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            em.persist(new ClusterNode(name, incarnation, now));
            return null;
        }
        String takenForLostBy = row.getLostAt() != null && row.getIncarnation().equals(incarnation) ? row.getLostBy() : null;
        row.beat(incarnation, now);
        return takenForLostBy;
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<NodeSilence.Seen> rows() {
        return em.createQuery("select n from ClusterNode n", ClusterNode.class).getResultList().stream()
                .map(n -> new NodeSilence.Seen(n.getName(), n.getIncarnation(), n.getBeats(), n.getLostAt() != null)).toList();
    }

    /** How the audit rows read of those of {@code ids} that {@code self} relays and that are closed. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<SelfFence.Held> held(String self, Collection<String> ids) {
        List<String> all = List.copyOf(ids);
        List<SelfFence.Held> held = new ArrayList<>();
        for (int from = 0; from < all.size(); from += IDS_PER_QUERY) {
            em.createQuery("select s from SessionRecord s where s.id in :ids and s.gatewayNode = :node and s.ended is not null",
                            SessionRecord.class)
                    .setParameter("ids", all.subList(from, Math.min(all.size(), from + IDS_PER_QUERY)))
                    .setParameter("node", self).getResultList()
                    .forEach(s -> held.add(new SelfFence.Held(s.getId(), true, s.getMessage())));
        }
        return held;
    }

    /**
     * Records that {@code self} learned it had been taken for lost (by {@code lostBy}, when its beat found its row so
     * marked) and is ending {@code fenced}: a {@code NODE_FENCED} alert for each, or one for the node when it ends none.
     */
    public void recordFence(String self, String lostBy, Set<String> fenced) {
        String by = lostBy == null ? "another node" : lostBy;
        for (String id : fenced) {
            SessionRecord s = em.find(SessionRecord.class, id);
            alerts.add(new AlertRecord(Clock.now(), id, s == null ? null : s.getUserName(), s == null ? null : s.getServerName(),
                    AlertKind.NODE_FENCED, "the gateway node " + self + " was taken for lost by " + by + " but was alive: it"
                    + " ends this session, which ran on after the audit closed it, and rejoins the cluster", null));
        }
        if (fenced.isEmpty()) {
            alerts.add(new AlertRecord(Clock.now(), null, null, null, AlertKind.NODE_FENCED, "the gateway node " + self
                    + " was taken for lost by " + by + " but was alive; it relayed no session the audit had closed, and"
                    + " rejoins the cluster", null));
        }
        LOG.severe(() -> "ShellGuard: " + by + " took this node (" + self + ") for lost while it was silent and closed the"
                + " audit of its sessions; ending the " + fenced.size() + " of them still running here, and rejoining");
    }

    /**
     * Closes what {@code silent} left open, if its counter is still where the watcher last saw it and no other
     * survivor got there first. Returns how many sessions were closed, or -1 when there was nothing to do.
     */
    public int closeLost(NodeSilence.Silent silent, String survivor) {
        ClusterNode row = em.find(ClusterNode.class, silent.name(), LockModeType.PESSIMISTIC_WRITE);
        if (row == null || row.getLostAt() != null || row.getBeats() != silent.beats()
                || !row.getIncarnation().equals(silent.incarnation())) {
            return -1;
        }
        row.lost(survivor, System.currentTimeMillis());
        String why = "the gateway node " + silent.name() + " stopped answering (no heartbeat for "
                + silent.silentFor().toSeconds() + " s, seen by " + survivor + "); the session was lost with it";
        List<SessionRecord> closed = sessions.closeSessionsOfLostNode(silent.name(), why);
        for (SessionRecord s : closed) {
            alerts.add(new AlertRecord(Clock.now(), s.getId(), s.getUserName(), s.getServerName(), AlertKind.NODE_LOST,
                    s.getMessage(), null));
        }
        if (closed.isEmpty()) {
            alerts.add(new AlertRecord(Clock.now(), null, null, null, AlertKind.NODE_LOST,
                    "the gateway node " + silent.name() + " stopped answering (no heartbeat for "
                            + silent.silentFor().toSeconds() + " s, seen by " + survivor + "); it relayed no session", null));
        }
        LOG.warning(() -> "ShellGuard: node " + silent.name() + " is lost (no heartbeat for " + silent.silentFor().toSeconds()
                + " s): closed the audit of its " + closed.size() + " open session(s)");
        return closed.size();
    }
}

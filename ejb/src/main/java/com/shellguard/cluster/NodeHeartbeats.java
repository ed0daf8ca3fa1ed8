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
import java.util.List;
import java.util.logging.Logger;

/**
 * The heartbeat rows: a node's own beat, what the watchers read, and a survivor's closing of a lost node. Each runs in
 * a transaction of its own; the beat and the closing both hold the node's row lock, so a node that starts again
 * either registers before the closing (which then finds the counter moved and does nothing) or after it (and finds
 * its old rows already closed).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class NodeHeartbeats {

    private static final Logger LOG = Logger.getLogger(NodeHeartbeats.class.getName());

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

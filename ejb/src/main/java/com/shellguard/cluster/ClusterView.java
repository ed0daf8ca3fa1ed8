package com.shellguard.cluster;

import com.shellguard.audit.SessionStatus;
import com.shellguard.export.ExportNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The nodes of the cluster for people: the REST API's {@code cluster/nodes} and the console's dashboard. */
@ApplicationScoped
public class ClusterView {

    @PersistenceContext(unitName = "shellguard")
    EntityManager em;

    @Inject
    NodeWatchTimer watch;

    @Inject
    ExportNode node;

    /** Every node that ever beat, by name. */
    public List<NodeState> nodes() {
        Map<String, Long> open = new HashMap<>();
        em.createQuery("select s.gatewayNode, count(s) from SessionRecord s where s.status = :open and s.ended is null"
                        + " and s.gatewayNode is not null group by s.gatewayNode", Object[].class)
                .setParameter("open", SessionStatus.OPEN).getResultList()
                .forEach(row -> open.put((String) row[0], ((Number) row[1]).longValue()));
        String self = node.name();
        return em.createQuery("select n from ClusterNode n", ClusterNode.class).getResultList().stream()
                .sorted(Comparator.comparing(ClusterNode::getName))
                .map(n -> {
                    Duration quiet = watch.quietFor(n.getName());
                    return new NodeState(n.getName(), n.getName().equals(self),
                            n.getLostAt() == null ? NodeState.ALIVE : NodeState.LOST, n.getBeats(),
                            Instant.ofEpochMilli(n.getStartedAt()), Instant.ofEpochMilli(n.getBeatAt()),
                            quiet == null ? null : quiet.toSeconds(),
                            n.getLostAt() == null ? null : Instant.ofEpochMilli(n.getLostAt()), n.getLostBy(),
                            open.getOrDefault(n.getName(), 0L));
                }).toList();
    }
}

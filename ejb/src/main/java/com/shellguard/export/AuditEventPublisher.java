package com.shellguard.export;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one way into the audit export: {@link #publish} queues an event for every configured destination in the
 * caller's transaction, beside the audit row it describes, so the event is delivered exactly when the row commits
 * (and never when it rolls back). It must be called inside a transaction (every audit write is). With no
 * destination configured it writes nothing; the destinations are read once per transaction, without flushing
 * what the transaction has pending (the command audit's batched inserts stay batched).
 */
@ApplicationScoped
public class AuditEventPublisher {

    private static final String DESTINATIONS = AuditEventPublisher.class.getName() + ".destinations";
    private static final AtomicLong LAST_POSITION = new AtomicLong();

    @PersistenceContext(unitName = "shellguard")
    EntityManager em;

    @Resource
    TransactionSynchronizationRegistry transaction;

    @Inject
    ExportNode node;

    public void publish(AuditEvent event) {
        publishAll(List.of(event));
    }

    public void publishAll(Collection<AuditEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        List<String> destinations = destinations();
        if (destinations.isEmpty()) {
            return;
        }
        String nodeName = node.name();
        long now = System.currentTimeMillis();
        for (AuditEvent event : events) {
            String payload = event.toJson(nodeName);
            long position = nextPosition();
            for (String destination : destinations) {
                em.persist(new OutboxEntry(destination, event.id(), event.kind().wire(), position, now, payload));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private List<String> destinations() {
        List<String> known = (List<String>) transaction.getResource(DESTINATIONS);
        if (known == null) {
            known = em.createQuery("select x.id from AuditExport x where x.purpose = :audit", String.class)
                    .setParameter("audit", ExportPurpose.AUDIT).setFlushMode(FlushModeType.COMMIT).getResultList();
            transaction.putResource(DESTINATIONS, known);
        }
        return known;
    }

    /** Microseconds since the epoch, strictly increasing on this node. */
    static long nextPosition() {
        long now = System.currentTimeMillis() * 1000;
        return LAST_POSITION.updateAndGet(last -> Math.max(last + 1, now));
    }
}

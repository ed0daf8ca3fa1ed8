package com.shellguard.export;

import com.shellguard.vault.Vault;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The delivery side of the outbox, each step its own short transaction so nothing is held open while a
 * destination is being written to: the lease that lets one node deliver a destination, its pending events in
 * order, and the outcome of each attempt.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class Outbox {

    /** Ids per IN list when marking events delivered. */
    private static final int IN_LIST = 500;

    @PersistenceContext(unitName = "shellguard")
    EntityManager em;

    @Inject
    Vault vault;

    /** What a delivery needs of a destination, read when its lease was taken. */
    public record Destination(String id, String name, ExportKind kind, ExportUrl url, ExportFormat format, String secret,
                              String caPem, long nextAttemptAt, int failures) {
    }

    /** An event to send: its outbox row and its JSON. */
    public record Pending(String entryId, String eventId, String payload) {
    }

    public List<String> destinationIds() {
        return em.createQuery("select x.id from AuditExport x", String.class).getResultList();
    }

    /**
     * Takes or renews the lease on a destination for {@code owner} until {@code until}; empty when another node holds
     * it (or the destination is gone). The conditional update is the lock: of two nodes only one can match.
     */
    public Optional<Destination> lease(String id, String owner, long now, long until) {
        int taken = em.createQuery("update AuditExport x set x.leaseOwner = :owner, x.leaseUntil = :until"
                        + " where x.id = :id and (x.leaseOwner = :owner or x.leaseUntil < :now or x.leaseOwner is null)")
                .setParameter("owner", owner).setParameter("until", until).setParameter("id", id).setParameter("now", now)
                .executeUpdate();
        if (taken != 1) {
            return Optional.empty();
        }
        AuditExport x = em.find(AuditExport.class, id);
        if (x == null) {
            return Optional.empty();
        }
        em.refresh(x);
        return Optional.of(new Destination(x.getId(), x.getName(), x.getKind(), ExportUrl.parse(x.getUrl(), x.getKind()),
                x.getFormat(), x.getSealedSecret() == null ? null : vault.open(x.getSealedSecret()), x.getCaPem(),
                x.getNextAttemptAt(), x.getFailures()));
    }

    /** Lets the lease go, so another node may deliver at once (this one is stopping). */
    public void release(String id, String owner) {
        em.createQuery("update AuditExport x set x.leaseUntil = 0 where x.id = :id and x.leaseOwner = :owner")
                .setParameter("id", id).setParameter("owner", owner).executeUpdate();
    }

    /** Up to {@code max} undelivered events of the destination, oldest first. */
    public List<Pending> pending(String id, int max) {
        return em.createQuery("select o from OutboxEntry o where o.exportId = :id and o.deliveredAt is null"
                        + " order by o.position, o.id", OutboxEntry.class)
                .setParameter("id", id).setMaxResults(max).getResultStream()
                .map(o -> new Pending(o.getId(), o.getEventId(), o.getPayload())).toList();
    }

    public void delivered(String id, List<String> entryIds, long now) {
        List<String> ids = new ArrayList<>(entryIds);
        for (int i = 0; i < ids.size(); i += IN_LIST) {
            em.createQuery("update OutboxEntry o set o.deliveredAt = :now where o.id in :ids")
                    .setParameter("now", now).setParameter("ids", ids.subList(i, Math.min(ids.size(), i + IN_LIST))).executeUpdate();
        }
        em.createQuery("update AuditExport x set x.failures = 0, x.nextAttemptAt = 0, x.lastDeliveredAt = :now,"
                        + " x.deliveredCount = x.deliveredCount + :n where x.id = :id")
                .setParameter("now", now).setParameter("n", (long) ids.size()).setParameter("id", id).executeUpdate();
    }

    /** Records a failed attempt; the next waits twice as long as the last, from 1 s up to {@code maxBackoffMillis}. */
    public void failed(String id, String error, long now, long maxBackoffMillis) {
        AuditExport x = em.find(AuditExport.class, id);
        if (x == null) {
            return;
        }
        em.refresh(x);
        int failures = x.getFailures() + 1;
        long backoff = Math.min(maxBackoffMillis, 1000L << Math.min(failures - 1, 20));
        em.createQuery("update AuditExport x set x.failures = :failures, x.nextAttemptAt = :next, x.lastError = :error,"
                        + " x.lastErrorAt = :now where x.id = :id")
                .setParameter("failures", failures).setParameter("next", now + backoff)
                .setParameter("error", error.length() > 1000 ? error.substring(0, 1000) : error)
                .setParameter("now", now).setParameter("id", id).executeUpdate();
    }

    /** Removes events delivered before {@code before}; returns how many. */
    public int prune(long before) {
        return em.createQuery("delete from OutboxEntry o where o.deliveredAt is not null and o.deliveredAt < :before")
                .setParameter("before", before).executeUpdate();
    }
}

package com.shellguard.forwarding;

import com.shellguard.audit.AuditCriteria;
import com.shellguard.connector.api.ForwardSummary;
import com.shellguard.export.AuditEventPublisher;
import com.shellguard.export.AuditEvents;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.ZoneOffset;
import java.util.List;

/** The audit of forwarded connections: written as each ends (or is refused), read newest first. */
@Stateless
public class ForwardAuditService {

    @PersistenceContext(unitName = "shellguard")
    EntityManager em;

    @Inject
    AuditEventPublisher export;

    public void record(ForwardSummary s) {
        ForwardRecord row = new ForwardRecord(s.sessionId(), s.user(), s.server(), s.login(), s.kind().wire(), s.destination(),
                s.originator(), s.clientAddress(), s.gatewayNode(), s.started().atOffset(ZoneOffset.UTC), s.durationMillis(),
                s.bytesToTarget(), s.bytesFromTarget(), ForwardRecord.Result.valueOf(s.outcome().name()), s.message());
        em.persist(row);
        export.publish(AuditEvents.forward(row));
    }

    public List<ForwardRecord> list(ForwardQuery q) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<ForwardRecord> cq = cb.createQuery(ForwardRecord.class);
        Root<ForwardRecord> f = cq.from(ForwardRecord.class);
        List<Predicate> where = AuditCriteria.where(cb, q.common(), f.get("userName"), f.get("started"));
        if (q.session() != null) {
            where.add(cb.equal(f.get("sessionId"), q.session()));
        }
        if (q.server() != null) {
            where.add(cb.equal(f.get("serverName"), q.server()));
        }
        if (q.kind() != null) {
            where.add(cb.equal(f.get("kind"), q.kind()));
        }
        if (q.result() != null) {
            where.add(cb.equal(f.get("result"), q.result()));
        }
        return AuditCriteria.page(em, cq, where, q.common(), f.get("started"), f.get("id"));
    }
}

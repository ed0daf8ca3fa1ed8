package com.shellguard.transfer;

import com.shellguard.audit.AuditCriteria;
import com.shellguard.export.AuditEventPublisher;
import com.shellguard.export.AuditEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.List;

@ApplicationScoped
public class TransferRepository {

    @PersistenceContext(unitName = "shellguard")
    EntityManager em;

    @Inject
    AuditEventPublisher export;

    public void add(FileTransferRecord transfer) {
        em.persist(transfer);
        export.publish(AuditEvents.transfer(transfer));
    }

    public List<FileTransferRecord> transfers(TransferQuery q) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<FileTransferRecord> cq = cb.createQuery(FileTransferRecord.class);
        Root<FileTransferRecord> t = cq.from(FileTransferRecord.class);
        List<Predicate> where = AuditCriteria.where(cb, q.common(), t.get("userName"), t.get("time"));
        if (q.server() != null) {
            where.add(cb.equal(t.get("serverName"), q.server()));
        }
        if (q.session() != null) {
            where.add(cb.equal(t.get("sessionId"), q.session()));
        }
        return AuditCriteria.page(em, cq, where, q.common(), t.get("time"), t.get("id"));
    }
}

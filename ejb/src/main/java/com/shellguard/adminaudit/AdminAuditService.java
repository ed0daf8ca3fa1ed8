package com.shellguard.adminaudit;

import com.shellguard.audit.AuditCriteria;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.List;

/** Reading the admin audit, newest first. */
@Stateless
public class AdminAuditService {

    @PersistenceContext(unitName = "shellguard")
    EntityManager em;

    @Inject
    AdminChangeRecorder recorder;

    /** A change a door saw made but no service described: recorded by its request alone, without fields. */
    public void recordUndescribed(String kind, String resource, String action) {
        recorder.record(kind, resource, action, null, null);
    }

    public List<AdminChange> changes(AdminChangeQuery q) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<AdminChange> cq = cb.createQuery(AdminChange.class);
        Root<AdminChange> c = cq.from(AdminChange.class);
        List<Predicate> where = AuditCriteria.where(cb, q.common(), c.get("userName"), c.get("time"));
        if (q.kind() != null) {
            where.add(cb.equal(c.get("kind"), q.kind()));
        }
        if (q.resource() != null) {
            where.add(cb.equal(c.get("resource"), q.resource()));
        }
        if (q.action() != null) {
            where.add(cb.equal(c.get("action"), q.action()));
        }
        return AuditCriteria.page(em, cq, where, q.common(), c.get("time"), c.get("id"));
    }
}

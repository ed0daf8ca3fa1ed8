package com.shellguard.audit;

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
import java.util.Optional;

@ApplicationScoped
public class JpaAuditRepository implements AuditRepository {

    @PersistenceContext(unitName = "shellguard")
    EntityManager em;

    @Inject
    AuditEventPublisher export;

    @Override
    public void add(SessionRecord session) {
        em.persist(session);
    }

    @Override
    public void add(AuthEvent event) {
        em.persist(event);
        export.publish(AuditEvents.auth(event));
    }

    @Override
    public Optional<SessionRecord> session(String id) {
        return Optional.ofNullable(em.find(SessionRecord.class, id));
    }

    @Override
    public List<SessionRecord> sessions(AuditQuery q) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<SessionRecord> cq = cb.createQuery(SessionRecord.class);
        Root<SessionRecord> s = cq.from(SessionRecord.class);
        List<Predicate> where = AuditCriteria.where(cb, q, s.get("userName"), s.get("started"));
        if (q.active() != null) {
            Predicate live = cb.and(cb.equal(s.get("status"), SessionStatus.OPEN), cb.isNull(s.get("ended")));
            where.add(q.active() ? live : cb.not(live));
        }
        return AuditCriteria.page(em, cq, where, q, s.get("started"));
    }

    @Override
    public List<SessionRecord> openSessionsOf(String gatewayNode) {
        return em.createQuery("select s from SessionRecord s where s.gatewayNode = :node and s.status = :open", SessionRecord.class)
                .setParameter("node", gatewayNode).setParameter("open", SessionStatus.OPEN).getResultList();
    }

    @Override
    public List<AuthEvent> authEvents(AuditQuery q) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<AuthEvent> cq = cb.createQuery(AuthEvent.class);
        Root<AuthEvent> e = cq.from(AuthEvent.class);
        List<Predicate> where = AuditCriteria.where(cb, q, e.get("userName"), e.get("time"));
        if (q.success() != null) {
            where.add(cb.equal(e.get("success"), q.success()));
        }
        return AuditCriteria.page(em, cq, where, q, e.get("time"));
    }
}

package com.shellguard.audit;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** What every audit listing does alike with an {@link AuditQuery}: the user and time filters, newest first, one page. */
public final class AuditCriteria {

    private AuditCriteria() {
    }

    /** The user and time-range conditions of {@code q}, in a list a listing adds its own conditions to. */
    public static List<Predicate> where(CriteriaBuilder cb, AuditQuery q, Path<String> user, Path<OffsetDateTime> time) {
        List<Predicate> where = new ArrayList<>();
        if (q.user() != null) {
            where.add(cb.equal(user, q.user()));
        }
        if (q.from() != null) {
            where.add(cb.greaterThanOrEqualTo(time, q.from()));
        }
        if (q.to() != null) {
            where.add(cb.lessThan(time, q.to()));
        }
        return where;
    }

    /** The page of {@code q} of the rows meeting {@code where}, newest first: descending by each of {@code order}. */
    public static <T> List<T> page(EntityManager em, CriteriaQuery<T> cq, List<Predicate> where, AuditQuery q, Path<?>... order) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        cq.where(where.toArray(Predicate[]::new)).orderBy(Arrays.stream(order).map(cb::desc).toList());
        return em.createQuery(cq).setFirstResult(q.offset()).setMaxResults(q.limit()).getResultList();
    }
}

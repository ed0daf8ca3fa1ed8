package com.shellguard.command.audit;

import com.shellguard.audit.AuditCriteria;
import com.shellguard.export.AuditEventPublisher;
import com.shellguard.export.AuditEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

@ApplicationScoped
public class JpaCommandAuditRepository implements CommandAuditRepository {

    /** Ids per IN list: well inside what PostgreSQL and H2 take, and a batch rarely needs more than one. */
    private static final int IN_LIST = 500;

    @PersistenceContext(unitName = "shellguard")
    EntityManager em;

    @Inject
    AuditEventPublisher export;

    @Override
    public void add(CommandRecord command) {
        em.persist(command);
    }

    @Override
    public void add(TypedLineRecord line) {
        em.persist(line);
    }

    @Override
    public void add(AlertRecord alert) {
        em.persist(alert);
        export.publish(AuditEvents.alert(alert));
    }

    @Override
    public List<CommandRecord> commands(Collection<String> sessionIds, Collection<String> commandIds) {
        return inChunks(commandIds, ids -> em.createQuery(
                        "select c from CommandRecord c where c.sessionId in :sessions and c.commandId in :ids", CommandRecord.class)
                .setParameter("sessions", Set.copyOf(sessionIds)).setParameter("ids", ids).getResultList());
    }

    @Override
    public List<TypedLineRecord> lines(Collection<String> sessionIds, Collection<String> lineIds) {
        return inChunks(lineIds, ids -> em.createQuery(
                        "select l from TypedLineRecord l where l.sessionId in :sessions and l.lineId in :ids", TypedLineRecord.class)
                .setParameter("sessions", Set.copyOf(sessionIds)).setParameter("ids", ids).getResultList());
    }

    @Override
    public int attachLine(String sessionId, String lineId, String text) {
        return em.createQuery("update CommandRecord c set c.typedLine = :text"
                        + " where c.sessionId = :session and c.lineId = :line and c.typedLine is null")
                .setParameter("text", text).setParameter("session", sessionId).setParameter("line", lineId).executeUpdate();
    }

    @Override
    public boolean hasAlert(String sessionId, AlertKind kind) {
        return !em.createQuery("select a.id from AlertRecord a where a.sessionId = :session and a.kind = :kind", String.class)
                .setParameter("session", sessionId).setParameter("kind", kind).setMaxResults(1).getResultList().isEmpty();
    }

    @Override
    public List<CommandRecord> commands(CommandQuery q) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<CommandRecord> cq = cb.createQuery(CommandRecord.class);
        Root<CommandRecord> c = cq.from(CommandRecord.class);
        List<Predicate> where = AuditCriteria.where(cb, q.common(), c.get("userName"), c.get("time"));
        if (q.session() != null) {
            where.add(cb.equal(c.get("sessionId"), q.session()));
        }
        if (q.server() != null) {
            where.add(cb.equal(c.get("serverName"), q.server()));
        }
        if (q.verdict() != null) {
            where.add(cb.equal(c.get("verdict"), q.verdict()));
        }
        if (q.text() != null) {
            String pattern = "%" + q.text().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            Expression<String> text = cb.lower(c.get("text"));
            Expression<String> line = cb.lower(c.get("typedLine"));
            where.add(cb.or(cb.like(text, pattern, '\\'), cb.like(line, pattern, '\\')));
        }
        return AuditCriteria.page(em, cq, where, q.common(), c.get("time"), c.get("id"));
    }

    @Override
    public List<AlertRecord> alerts(AlertQuery q) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<AlertRecord> cq = cb.createQuery(AlertRecord.class);
        Root<AlertRecord> a = cq.from(AlertRecord.class);
        List<Predicate> where = AuditCriteria.where(cb, q.common(), a.get("userName"), a.get("time"));
        if (q.session() != null) {
            where.add(cb.equal(a.get("sessionId"), q.session()));
        }
        if (q.kind() != null) {
            where.add(cb.equal(a.get("kind"), q.kind()));
        }
        if (q.server() != null) {
            where.add(cb.equal(a.get("serverName"), q.server()));
        }
        return AuditCriteria.page(em, cq, where, q.common(), a.get("time"), a.get("id"));
    }

    @Override
    public long countAlertsSince(OffsetDateTime since) {
        return em.createQuery("select count(a) from AlertRecord a where a.time >= :since", Long.class)
                .setParameter("since", since).getSingleResult();
    }

    private static <T> List<T> inChunks(Collection<String> ids, Function<List<String>, List<T>> query) {
        List<String> all = List.copyOf(Set.copyOf(ids));
        List<T> found = new ArrayList<>();
        for (int from = 0; from < all.size(); from += IN_LIST) {
            found.addAll(query.apply(all.subList(from, Math.min(all.size(), from + IN_LIST))));
        }
        return found;
    }
}

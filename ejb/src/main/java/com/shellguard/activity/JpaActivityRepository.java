package com.shellguard.activity;

import com.shellguard.command.audit.Verdict;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Grouped queries (JPQL {@code EXTRACT}), so the database counts and only 24 rows at most come back. */
@ApplicationScoped
public class JpaActivityRepository implements ActivityRepository {

    @PersistenceContext(unitName = "shellguard")
    EntityManager em;

    @Override
    public Map<Integer, Long> blockedCommandsPerHour(OffsetDateTime from, OffsetDateTime to) {
        return perHour(em.createQuery("select extract(hour from c.time), count(c) from CommandRecord c"
                        + " where c.verdict in :stopped and c.time >= :from and c.time < :to group by extract(hour from c.time)", Object[].class)
                .setParameter("stopped", List.of(Verdict.BLOCKED, Verdict.TERMINATED))
                .setParameter("from", from).setParameter("to", to).getResultList());
    }

    @Override
    public Map<Integer, Long> failedLoginsPerHour(OffsetDateTime from, OffsetDateTime to) {
        return perHour(em.createQuery("select extract(hour from e.time), count(e) from AuthEvent e"
                        + " where e.success = false and e.time >= :from and e.time < :to group by extract(hour from e.time)", Object[].class)
                .setParameter("from", from).setParameter("to", to).getResultList());
    }

    /** Databases disagree on the number types of {@code (hour, count)}. */
    private static Map<Integer, Long> perHour(List<Object[]> rows) {
        Map<Integer, Long> counts = new TreeMap<>();
        for (Object[] row : rows) {
            counts.merge(((Number) row[0]).intValue(), ((Number) row[1]).longValue(), Long::sum);
        }
        return counts;
    }
}

package com.shellguard.command.rule;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaCommandPolicyRepository implements CommandPolicyRepository {

    /** EclipseLink hints (plain strings, ignored by other providers): the five scope sets of all rules in five queries, not five per rule. */
    private static final String BATCH = "eclipselink.batch";
    private static final String BATCH_TYPE = "eclipselink.batch.type";
    /**
     * Rules and defaults are read from their rows, not from the shared cache: EclipseLink merges a committed
     * change into that cache only after the commit, and a policy load in between (the refresh timer sees the
     * new version at once) would otherwise pair the new version with the old rules and keep them.
     */
    private static final String REFRESH = "eclipselink.refresh";

    @PersistenceContext(unitName = "shellguard")
    EntityManager em;

    @Override
    public Optional<CommandRule> rule(String name) {
        return em.createNamedQuery("CommandRule.byName", CommandRule.class).setParameter("name", name)
                .getResultStream().findFirst();
    }

    @Override
    public List<CommandRule> rules() {
        TypedQuery<CommandRule> query = em.createNamedQuery("CommandRule.all", CommandRule.class).setHint(BATCH_TYPE, "IN")
                .setHint(REFRESH, "true");
        for (String set : List.of("users", "groups", "servers", "labels", "logins")) {
            query.setHint(BATCH, "r." + set);
        }
        return query.getResultList();
    }

    @Override
    public void add(CommandRule rule) {
        em.persist(rule);
    }

    @Override
    public void remove(CommandRule rule) {
        em.remove(rule);
    }

    @Override
    public Optional<CommandDefault> defaultFor(String label) {
        return em.createNamedQuery("CommandDefault.byLabel", CommandDefault.class).setParameter("label", label)
                .getResultStream().findFirst();
    }

    @Override
    public List<CommandDefault> defaults() {
        return em.createNamedQuery("CommandDefault.all", CommandDefault.class).setHint(REFRESH, "true").getResultList();
    }

    @Override
    public void add(CommandDefault commandDefault) {
        em.persist(commandDefault);
    }

    @Override
    public void remove(CommandDefault commandDefault) {
        em.remove(commandDefault);
    }

    @Override
    public long version() {
        return em.createQuery("select s.version from PolicyStamp s where s.id = :id", Long.class)
                .setParameter("id", PolicyStamp.ID).getResultStream().findFirst().orElse(0L);
    }

    @Override
    public long bumpVersion() {
        PolicyStamp stamp = em.find(PolicyStamp.class, PolicyStamp.ID, LockModeType.PESSIMISTIC_WRITE);
        if (stamp == null) {
            em.persist(new PolicyStamp(1));
            em.flush();
            return 1;
        }
        return stamp.next();
    }
}

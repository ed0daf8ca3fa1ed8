package com.shellguard.grant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaGrantRepository implements GrantRepository {

    @PersistenceContext(unitName = "shellguard")
    EntityManager em;

    @Override
    public List<Grant> all() {
        return em.createNamedQuery("Grant.all", Grant.class).getResultList();
    }

    @Override
    public Optional<Grant> find(String id) {
        return Optional.ofNullable(em.find(Grant.class, id));
    }

    @Override
    public List<Grant> expiredBy(java.time.OffsetDateTime at) {
        return em.createNamedQuery("Grant.expiredBy", Grant.class).setParameter("at", at).getResultList();
    }

    @Override
    public void add(Grant grant) {
        em.persist(grant);
    }

    @Override
    public void remove(Grant grant) {
        em.remove(grant);
    }

    @Override
    public void removeForUser(String user) {
        removeAll("Grant.ofUser", user);
    }

    @Override
    public void removeForGroup(String group) {
        removeAll("Grant.ofGroup", group);
    }

    @Override
    public void removeForServer(String server) {
        removeAll("Grant.ofServer", server);
    }

    private void removeAll(String query, String name) {
        em.createNamedQuery(query, Grant.class).setParameter("name", name).getResultList().forEach(em::remove);
    }
}

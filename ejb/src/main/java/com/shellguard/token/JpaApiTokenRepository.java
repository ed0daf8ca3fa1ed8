package com.shellguard.token;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaApiTokenRepository implements ApiTokenRepository {

    @PersistenceContext(unitName = "shellguard")
    EntityManager em;

    @Override
    public Optional<ApiToken> find(String id) {
        return Optional.ofNullable(em.find(ApiToken.class, id));
    }

    @Override
    public Optional<ApiToken> findByValue(String tokenValue) {
        return em.createNamedQuery("ApiToken.byHash", ApiToken.class).setParameter("hash", ApiToken.hashOf(tokenValue))
                .getResultStream().findFirst();
    }

    @Override
    public List<ApiToken> all() {
        return em.createNamedQuery("ApiToken.all", ApiToken.class).getResultList();
    }

    @Override
    public void add(ApiToken token) {
        em.persist(token);
    }

    @Override
    public void remove(ApiToken token) {
        em.remove(token);
    }

    @Override
    public void removeForOwner(String owner) {
        em.createNamedQuery("ApiToken.ofOwner", ApiToken.class).setParameter("owner", owner).getResultList().forEach(em::remove);
    }
}

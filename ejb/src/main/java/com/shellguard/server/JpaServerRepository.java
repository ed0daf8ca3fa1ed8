package com.shellguard.server;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaServerRepository implements ServerRepository {

    @PersistenceContext(unitName = "shellguard")
    EntityManager em;

    @Override
    public Optional<Server> find(String name) {
        return em.createNamedQuery("Server.byName", Server.class).setParameter("name", name).getResultStream().findFirst();
    }

    @Override
    public Optional<Server> findForUpdate(String name) {
        return em.createNamedQuery("Server.byName", Server.class).setParameter("name", name)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).setHint("eclipselink.refresh", "true")
                .getResultStream().findFirst();
    }

    @Override
    public List<Server> withLegacyHostKey() {
        return em.createNamedQuery("Server.withLegacyHostKey", Server.class).getResultList();
    }

    @Override
    public List<Server> all() {
        return em.createNamedQuery("Server.all", Server.class).getResultList();
    }

    @Override
    public void add(Server server) {
        em.persist(server);
    }

    @Override
    public void remove(Server server) {
        accounts(server).forEach(em::remove);
        em.remove(server);
    }

    @Override
    public List<ServerAccount> accounts(Server server) {
        return em.createNamedQuery("ServerAccount.ofServer", ServerAccount.class).setParameter("server", server).getResultList();
    }

    @Override
    public Optional<ServerAccount> account(Server server, String login) {
        return em.createNamedQuery("ServerAccount.byLogin", ServerAccount.class).setParameter("server", server)
                .setParameter("login", login).getResultStream().findFirst();
    }

    @Override
    public void addAccount(ServerAccount account) {
        em.persist(account);
    }

    @Override
    public void removeAccount(ServerAccount account) {
        em.remove(account);
    }
}

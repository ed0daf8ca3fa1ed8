package com.shellguard.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaUserRepository implements UserRepository {

    @PersistenceContext(unitName = "shellguard")
    EntityManager em;

    @Override
    public Optional<GatewayUser> find(String username) {
        return em.createNamedQuery("GatewayUser.byName", GatewayUser.class).setParameter("name", username)
                .getResultStream().findFirst();
    }

    @Override
    public List<GatewayUser> all() {
        return em.createNamedQuery("GatewayUser.all", GatewayUser.class).getResultList();
    }

    @Override
    public Optional<Role> enabledRole(String username) {
        return em.createNamedQuery("GatewayUser.enabledRole", Role.class).setParameter("name", username)
                .getResultStream().findFirst();
    }

    @Override
    public List<GatewayUser> inGroup(String group) {
        return em.createNamedQuery("GatewayUser.inGroup", GatewayUser.class).setParameter("group", group).getResultList();
    }

    @Override
    public long countWithRole(Role role) {
        return em.createNamedQuery("GatewayUser.countByRole", Long.class).setParameter("role", role).getSingleResult();
    }

    @Override
    public long countEnabledWithRole(Role role) {
        return em.createNamedQuery("GatewayUser.countEnabledByRole", Long.class).setParameter("role", role).getSingleResult();
    }

    @Override
    public void add(GatewayUser user) {
        em.persist(user);
    }

    @Override
    public void remove(GatewayUser user) {
        em.remove(user);
    }

    @Override
    public Optional<UserGroup> findGroup(String name) {
        return em.createNamedQuery("UserGroup.byName", UserGroup.class).setParameter("name", name)
                .getResultStream().findFirst();
    }

    @Override
    public List<UserGroup> allGroups() {
        return em.createNamedQuery("UserGroup.all", UserGroup.class).getResultList();
    }

    @Override
    public void addGroup(UserGroup group) {
        em.persist(group);
    }

    @Override
    public void removeGroup(UserGroup group) {
        em.remove(group);
    }

    @Override
    public Optional<GatewayUser> findById(String id) {
        return Optional.ofNullable(em.find(GatewayUser.class, id));
    }

    @Override
    public Optional<UserGroup> findGroupById(String id) {
        return Optional.ofNullable(em.find(UserGroup.class, id));
    }
}

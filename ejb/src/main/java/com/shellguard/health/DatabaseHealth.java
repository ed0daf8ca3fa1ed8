package com.shellguard.health;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Whether the database answers a trivial query. */
@Stateless
public class DatabaseHealth {

    private static final Logger LOG = Logger.getLogger(DatabaseHealth.class.getName());

    @PersistenceContext(unitName = "shellguard")
    EntityManager em;

    public boolean isUp() {
        try {
            em.createQuery("select count(u) from GatewayUser u where u.username = ''", Long.class).getSingleResult();
            return true;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "database health check failed", e);
            return false;
        }
    }
}

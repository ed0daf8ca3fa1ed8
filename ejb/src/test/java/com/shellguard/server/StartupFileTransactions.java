package com.shellguard.server;

import com.shellguard.audit.InMemoryAuditRepository;
import com.shellguard.command.audit.InMemoryCommandAuditRepository;
import com.shellguard.connector.api.StartupFileReport;
import com.shellguard.connector.api.StartupFileVerdict;
import com.shellguard.schema.SchemaMigrations;
import com.shellguard.schema.TestDatabases;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * {@link StartupFileService} on a real, migrated database, each call in a transaction of its own as the container
 * runs it, with server {@code web01} in place; its alerts are kept in memory.
 */
final class StartupFileTransactions implements AutoCloseable {

    interface Work<T> {
        T in(EntityManager em) throws Exception;
    }

    final InMemoryCommandAuditRepository alerts = new InMemoryCommandAuditRepository();
    private final EntityManagerFactory emf;

    private StartupFileTransactions(EntityManagerFactory emf) {
        this.emf = emf;
    }

    static StartupFileTransactions on(TestDatabases.Database db) throws Exception {
        SchemaMigrations.of(db.dataSource()).migrate();
        StartupFileTransactions tx = new StartupFileTransactions(Persistence.createEntityManagerFactory("shellguard", Map.of(
                "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                "jakarta.persistence.jtaDataSource", "",
                "jakarta.persistence.jdbc.url", db.jdbcUrl(),
                "jakarta.persistence.jdbc.user", db.user(),
                "jakarta.persistence.jdbc.password", db.user().equals("sa") ? "sa" : "",
                "eclipselink.session.customizer", TestDatabases.NoMigration.class.getName(),
                "eclipselink.logging.level", "OFF")));
        tx.in(em -> {
            Server server = new Server("web01", OffsetDateTime.now());
            server.setHost("127.0.0.1");
            em.persist(server);
            return null;
        });
        return tx;
    }

    StartupFileVerdict check(StartupFileReport report) throws Exception {
        return in(em -> service(em).check(report));
    }

    List<StartupFile> list() throws Exception {
        return in(em -> service(em).list("web01", "deploy"));
    }

    StartupFileService service(EntityManager em) {
        JpaServerRepository servers = new JpaServerRepository();
        servers.em = em;
        StartupFileService service = new StartupFileService();
        service.em = em;
        service.servers = servers;
        service.alerts = alerts;
        service.audit = new InMemoryAuditRepository();
        return service;
    }

    <T> T in(Work<T> work) throws Exception {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            T result = work.in(em);
            em.getTransaction().commit();
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    @Override
    public void close() {
        emf.close();
    }
}

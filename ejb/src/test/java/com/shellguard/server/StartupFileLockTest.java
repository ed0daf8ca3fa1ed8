package com.shellguard.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shellguard.connector.api.StartupFileReport;
import com.shellguard.connector.api.StartupFileVerdict;
import com.shellguard.schema.OnEveryDatabase;
import com.shellguard.schema.TestDatabases;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * A session that finds a login's startup files as sessions last found them needs no write, so it checks them while
 * another transaction holds the login's rows (on an overloaded node, sessions of one login queued on those rows past
 * the database's lock timeout, and a strict server refused each of them); a session that finds a new state still
 * records it, with itself as the session that first found it.
 */
class StartupFileLockTest {

    private static final Map<String, String> FILES = Map.of(".bashrc", "a1", ".profile", "b2");

    @OnEveryDatabase
    void aSessionFindingTheFilesAsLastSeenIsNotHeldUpByALockOnTheirRows(TestDatabases.Engine engine) throws Exception {
        try (TestDatabases.Database db = engine.create(); StartupFileTransactions tx = StartupFileTransactions.on(db)) {
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                String first = UUID.randomUUID().toString();
                tx.check(new StartupFileReport(first, "web01", "deploy", FILES, null));
                CountDownLatch locked = new CountDownLatch(1);
                CountDownLatch checked = new CountDownLatch(1);
                Future<Boolean> holder = threads.submit(() -> tx.in(em -> {
                    em.createNamedQuery("StartupFile.ofLogin", StartupFile.class).setParameter("server", "web01")
                            .setParameter("login", "deploy").setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
                    locked.countDown();
                    return checked.await(30, TimeUnit.SECONDS);
                }));
                locked.await(60, TimeUnit.SECONDS);
                StartupFileVerdict verdict;
                try {
                    verdict = tx.check(new StartupFileReport(UUID.randomUUID().toString(), "web01", "deploy", FILES, null));
                } finally {
                    checked.countDown();
                }
                assertTrue(holder.get(), "the check ended while the rows were still locked");
                assertEquals(List.of(), verdict.changed());
                assertEquals(null, verdict.failure());
                tx.list().forEach(f -> assertEquals(first, f.getSeenSession(), "the state's first finder stays " + f.getPath()));

                String finder = UUID.randomUUID().toString();
                StartupFileVerdict changed = tx.check(new StartupFileReport(finder, "web01", "deploy",
                        Map.of(".bashrc", "ff", ".profile", "b2"), null));
                assertEquals(List.of(".bashrc (changed)"), changed.changed());
                StartupFile bashrc = tx.list().stream().filter(f -> f.getPath().equals(".bashrc")).findFirst().orElseThrow();
                assertEquals("ff", bashrc.getSeenHash());
                assertEquals(finder, bashrc.getSeenSession());
                StartupFileVerdict again = tx.check(new StartupFileReport(UUID.randomUUID().toString(), "web01", "deploy",
                        Map.of(".bashrc", "ff", ".profile", "b2"), null));
                assertEquals(List.of(".bashrc (changed)"), again.changed(), "the change stays until it is accepted");
                assertEquals(1, tx.alerts.alerts.size(), "one alert for the new state, none for finding it again");
            } finally {
                threads.shutdownNow();
            }
        }
    }
}

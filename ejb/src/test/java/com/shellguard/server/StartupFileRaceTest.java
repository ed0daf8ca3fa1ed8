package com.shellguard.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.shellguard.connector.api.StartupFileReport;
import com.shellguard.connector.api.StartupFileVerdict;
import com.shellguard.schema.OnEveryDatabase;
import com.shellguard.schema.TestDatabases;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A login's first sessions arriving together each check its startup files, none of them known yet, in transactions
 * of their own on a real database: every check succeeds (none fails on the unique key of a file another inserted
 * first), each file has one row, and every session finds the files unchanged.
 */
class StartupFileRaceTest {

    private static final int SESSIONS = 16;
    private static final Map<String, String> FILES = Map.of(".bashrc", "a1", ".profile", "b2", ".bash_profile",
            StartupFileReport.ABSENT, ".ssh/authorized_keys", "c3");

    @OnEveryDatabase
    void aLoginsFirstSessionsCheckingItsFilesTogetherEachSucceedAndLeaveOneRowAFileAndNoAlert(TestDatabases.Engine engine)
            throws Exception {
        try (TestDatabases.Database db = engine.create(); StartupFileTransactions tx = StartupFileTransactions.on(db)) {
            ExecutorService threads = Executors.newFixedThreadPool(SESSIONS);
            try {
                CyclicBarrier together = new CyclicBarrier(SESSIONS);
                List<Future<StartupFileVerdict>> checks = new ArrayList<>();
                for (int i = 0; i < SESSIONS; i++) {
                    checks.add(threads.submit(() -> tx.in(em -> {
                        StartupFileService service = tx.service(em);
                        await(together);
                        return service.check(new StartupFileReport(UUID.randomUUID().toString(), "web01", "deploy", FILES, null));
                    })));
                }
                for (Future<StartupFileVerdict> check : checks) {
                    StartupFileVerdict verdict = check.get();
                    assertEquals(List.of(), verdict.changed());
                    assertEquals(null, verdict.failure());
                }
                List<StartupFile> rows = tx.list();
                assertEquals(FILES.size(), rows.size(), "one row per file");
                rows.forEach(f -> assertEquals(FILES.get(f.getPath()), f.getAcceptedHash(), f.getPath()));
                assertEquals(List.of(), tx.alerts.alerts, "a login's first sessions pin its files without an alert");
            } finally {
                threads.shutdownNow();
            }
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

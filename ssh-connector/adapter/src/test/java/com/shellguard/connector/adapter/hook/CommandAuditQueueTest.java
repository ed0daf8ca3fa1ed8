package com.shellguard.connector.adapter.hook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shellguard.connector.adapter.runtime.BlockingWork;
import com.shellguard.connector.api.CommandEvent;
import com.shellguard.connector.api.CommandFacts;
import com.shellguard.connector.api.CommandFlags;
import com.shellguard.connector.api.CommandRecordBatch;
import com.shellguard.connector.api.CommandVerdict;
import com.shellguard.connector.api.GatewayListener;
import com.shellguard.connector.api.Resolution;
import com.shellguard.connector.api.ShellRole;
import com.shellguard.connector.api.TypedLine;
import jakarta.resource.spi.work.WorkManager;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Timer;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command the hook reported as run, whose re-check never completes, still gets its row: with the hook's verdict; and
 * a session's long command lines wait for the database as what the audit keeps of them, within the session's bound.
 */
class CommandAuditQueueTest {

    @TempDir
    Path dir;

    @Test
    void aReportedCommandWhoseCheckNeverEndsIsWrittenAsReported() throws Exception {
        List<CommandRecordBatch> written = new ArrayList<>();
        GatewayListener database = writingInto(written);
        WorkManager busy = busyWorkManager();
        CommandFacts facts = new CommandFacts("1.1", 0, ShellRole.INTERACTIVE, CommandFlags.NONE, 0, "", 0, "", "/",
                Resolution.FILE, "rm", "/usr/bin/rm", "/usr/bin/rm", List.of(), "", "", "rm -rf /tmp/x", "bash", List.of());
        CommandEvent claimed = new CommandEvent("s1", facts, false, CommandVerdict.allowed(1));
        CommandAuditQueue queue = new CommandAuditQueue(database, new BlockingWork(busy), new Timer(true),
                new AuditSpool(dir, 1 << 20), 1000);
        queue.add(claimed, new CompletableFuture<>());
        queue.close();
        assertEquals(List.of(claimed), written.stream().flatMap(b -> b.commands().stream()).toList());
    }

    /**
     * A watched user's script of mebibyte-long command lines (`eval "/bin/true $big"`, 900,000 characters each) was
     * held whole until written: 50,000 of them per session between two deliveries, 20,000 while the database was away,
     * gigabytes on a node of 384 MB of heap. Queued, each is cut to the 8192 characters the audit stores, and the
     * session's bound counts their size.
     */
    @Test
    void aSessionsLongCommandLinesWaitAsWhatTheAuditKeepsAndFillOnlyTheSessionsBound() throws Exception {
        List<CommandRecordBatch> written = new ArrayList<>();
        GatewayListener database = writingInto(written);
        WorkManager busy = busyWorkManager();
        String big = "/bin/true " + "a".repeat(900_000);
        CommandAuditQueue queue = new CommandAuditQueue(database, new BlockingWork(busy), new Timer(true),
                new AuditSpool(dir, 1 << 30), 1000);
        int taken = 0;
        while (queue.add(new CommandEvent("flood", facts("1." + taken, big), false, null))) {
            taken++;
        }
        CommandEvent other = new CommandEvent("other", facts("2.1", "ls"), false, null);

        assertTrue(queue.add(other), "another session's command is taken");
        assertTrue(taken * AuditSize.weight(new CommandEvent("flood", facts("1.0", big.substring(0, AuditSize.TEXT)), false, null))
                <= CommandAuditQueue.MAX_PER_SESSION, "the flooding session stops at its bound: " + taken + " commands");
        assertTrue(taken > 1000, "far more long lines than a script runs between deliveries: " + taken);
        queue.close();
        List<CommandEvent> rows = written.stream().flatMap(b -> b.commands().stream()).toList();
        assertEquals(taken + 1, rows.size());
        assertEquals(AuditSize.cut(big, AuditSize.TEXT), rows.get(0).facts().text(), "what the audit's column keeps of it");
        assertEquals(other, rows.get(taken));
    }

    /**
     * The delivery made every batch of what was queued before writing any: with the database up, a queue a flood kept
     * full went to memory, then to the spool on disk (and past it, was dropped) before one row was written.
     */
    @Test
    void withTheDatabaseUpEachBatchIsWrittenBeforeTheNextIsMadeSoNothingGoesToTheSpool() throws Exception {
        Path spoolDirectory = dir.resolve("spool");
        List<Long> spooledAtEachWrite = new ArrayList<>();
        GatewayListener database = (GatewayListener) Proxy.newProxyInstance(GatewayListener.class.getClassLoader(),
                new Class<?>[] {GatewayListener.class}, (proxy, method, args) -> {
                    try (var files = java.nio.file.Files.list(spoolDirectory)) {
                        spooledAtEachWrite.add(files.count());
                    }
                    return null;
                });
        WorkManager busy = busyWorkManager();
        CommandAuditQueue queue = new CommandAuditQueue(database, new BlockingWork(busy), new Timer(true),
                new AuditSpool(spoolDirectory, 1 << 30), 3000);
        for (int i = 0; i < 5 * CommandAuditQueue.MAX_BATCH; i++) {
            assertTrue(queue.add(new TypedLine("s" + i % 7, "1." + i, "ls", 0)));
        }
        queue.close();
        assertEquals(List.of(0L, 0L, 0L, 0L, 0L), spooledAtEachWrite, "five batches, none through the spool");
    }

    private static CommandFacts facts(String id, String text) {
        return new CommandFacts(id, 0, ShellRole.INTERACTIVE, CommandFlags.NONE, 0, "", 0, "", "/",
                Resolution.FILE, "true", "/bin/true", "/usr/bin/true", List.of(), "", "", text, "bash", List.of());
    }

    /** The application, taking every batch the queue writes into {@code written}. */
    private static GatewayListener writingInto(List<CommandRecordBatch> written) {
        return (GatewayListener) Proxy.newProxyInstance(GatewayListener.class.getClassLoader(),
                new Class<?>[] {GatewayListener.class}, (proxy, method, args) -> {
                    written.add((CommandRecordBatch) args[0]);
                    return null;
                });
    }

    /** A WorkManager with no thread to spare: the queue's re-checks never run. */
    private static WorkManager busyWorkManager() {
        return (WorkManager) Proxy.newProxyInstance(WorkManager.class.getClassLoader(),
                new Class<?>[] {WorkManager.class}, (proxy, method, args) -> {
                    throw new jakarta.resource.spi.work.WorkRejectedException("busy");
                });
    }
}

package com.shellguard.connector.adapter.hook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.shellguard.connector.adapter.runtime.BlockingWork;
import com.shellguard.connector.api.CommandEvent;
import com.shellguard.connector.api.CommandFacts;
import com.shellguard.connector.api.CommandFlags;
import com.shellguard.connector.api.CommandRecordBatch;
import com.shellguard.connector.api.CommandVerdict;
import com.shellguard.connector.api.GatewayListener;
import com.shellguard.connector.api.Resolution;
import com.shellguard.connector.api.ShellRole;
import jakarta.resource.spi.work.WorkManager;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Timer;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A command the hook reported as run, whose re-check never completes, still gets its row: with the hook's verdict. */
class CommandAuditQueueTest {

    @TempDir
    Path dir;

    @Test
    void aReportedCommandWhoseCheckNeverEndsIsWrittenAsReported() throws Exception {
        List<CommandRecordBatch> written = new ArrayList<>();
        GatewayListener database = (GatewayListener) Proxy.newProxyInstance(GatewayListener.class.getClassLoader(),
                new Class<?>[] {GatewayListener.class}, (proxy, method, args) -> {
                    written.add((CommandRecordBatch) args[0]);
                    return null;
                });
        WorkManager busy = (WorkManager) Proxy.newProxyInstance(WorkManager.class.getClassLoader(),
                new Class<?>[] {WorkManager.class}, (proxy, method, args) -> {
                    throw new jakarta.resource.spi.work.WorkRejectedException("busy");
                });
        CommandFacts facts = new CommandFacts("1.1", 0, ShellRole.INTERACTIVE, CommandFlags.NONE, 0, "", 0, "", "/",
                Resolution.FILE, "rm", "/usr/bin/rm", "/usr/bin/rm", List.of(), "", "", "rm -rf /tmp/x", "bash", List.of());
        CommandEvent claimed = new CommandEvent("s1", facts, false, CommandVerdict.allowed(1));
        CommandAuditQueue queue = new CommandAuditQueue(database, new BlockingWork(busy), new Timer(true),
                new AuditSpool(dir, 1 << 20), 1000);
        queue.add(claimed, new CompletableFuture<>());
        queue.close();
        assertEquals(List.of(claimed), written.stream().flatMap(b -> b.commands().stream()).toList());
    }
}

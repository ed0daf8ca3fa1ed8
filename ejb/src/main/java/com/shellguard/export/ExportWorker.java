package com.shellguard.export;

import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Logger;

/**
 * Every second, starts a delivery turn for each destination that has none running on this node (destinations are
 * delivered side by side, each in order), and once a minute removes events delivered more than
 * {@value #RETENTION_HOURS} hours ago. Which node actually delivers a destination is settled by its lease.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ExportWorker {

    private static final Logger LOG = Logger.getLogger(ExportWorker.class.getName());
    static final int RETENTION_HOURS = 24;

    @Resource
    ManagedExecutorService executor;

    @Inject
    Outbox outbox;

    @Inject
    ExportDelivery delivery;

    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private volatile boolean failing;
    private volatile long lastPrune;

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
    void tick() {
        try {
            for (String id : outbox.destinationIds()) {
                if (running.add(id)) {
                    try {
                        executor.execute(() -> turn(id));
                    } catch (RejectedExecutionException e) {
                        running.remove(id);
                    }
                }
            }
            long now = System.currentTimeMillis();
            if (now - lastPrune > 60_000) {
                lastPrune = now;
                int pruned = outbox.prune(now - RETENTION_HOURS * 3_600_000L);
                if (pruned > 0) {
                    LOG.fine(() -> "ShellGuard: removed " + pruned + " delivered audit export events");
                }
            }
            if (failing) {
                failing = false;
                LOG.info("ShellGuard: the audit export's outbox can be read again");
            }
        } catch (RuntimeException e) {
            if (!failing) {
                failing = true;
                LOG.warning("ShellGuard: cannot read the audit export's outbox (retrying every second): " + e);
            }
        }
    }

    private void turn(String id) {
        try {
            delivery.deliver(id);
        } catch (RuntimeException e) {
            LOG.warning("ShellGuard: audit export delivery failed: " + e);
        } finally {
            running.remove(id);
        }
    }
}

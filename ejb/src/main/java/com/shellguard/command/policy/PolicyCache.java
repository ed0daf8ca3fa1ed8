package com.shellguard.command.policy;

import com.shellguard.command.rule.PolicyChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * This node's copy of the command policy. Decisions read it without touching the database (a user's shell
 * waits for each one). It is loaded again right after a change made on this node commits, and within a
 * second or so of a change on any other node ({@link PolicyRefresh} compares the stored version every second).
 */
@ApplicationScoped
public class PolicyCache {

    private static final Logger LOG = Logger.getLogger(PolicyCache.class.getName());

    @Inject
    PolicyLoader loader;

    private final Object loading = new Object();
    private volatile CommandPolicy current;
    /**
     * Changes committed on this node so far, and how many of them the policy held was loaded after. Counting
     * instead of a stale flag: a flag cleared when a reload starts told a decision made during that reload
     * that the old policy was current.
     */
    private final AtomicLong localChanges = new AtomicLong();
    private volatile long loadedAfter = -1;

    /**
     * The policy now in force. Costs a database read only on first use and on the first use after a local
     * change; a decision made while that reload runs waits for it.
     */
    public CommandPolicy current() {
        CommandPolicy policy = current;
        return policy == null || loadedAfter != localChanges.get() ? reload(false) : policy;
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) PolicyChanged change) {
        localChanges.incrementAndGet();
    }

    /**
     * Loads the policy again if the stored version is not the one held (a change on any node). Decisions go on
     * with the policy held meanwhile: a change on another node takes a second to arrive anyway.
     */
    public void refreshIfChanged() {
        CommandPolicy policy = current;
        if (policy == null || loadedAfter != localChanges.get() || loader.version() != policy.version()) {
            reload(true);
        }
    }

    /**
     * A failed reload keeps the policy held and leaves the retry to the next refresh, so that decisions do not
     * each wait for an unreachable database; the stored version still differs, so the change is not lost.
     */
    private CommandPolicy reload(boolean evenIfCurrent) {
        synchronized (loading) {
            long changes = localChanges.get();
            if (current != null && loadedAfter == changes && !evenIfCurrent) {
                return current;
            }
            try {
                CommandPolicy loaded = loader.load();
                current = loaded;
                LOG.fine(() -> "ShellGuard: command policy version " + loaded.version() + " loaded, " + loaded.rules().size() + " rule(s)");
            } catch (RuntimeException e) {
                if (current == null) {
                    throw e;
                }
                LOG.warning(() -> "ShellGuard: the command policy could not be reloaded, version " + current.version()
                        + " stays in force: " + e);
            }
            loadedAfter = changes;
            return current;
        }
    }
}

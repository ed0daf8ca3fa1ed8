package com.shellguard.gateway;

import com.shellguard.command.CommandControlService;
import com.shellguard.common.Clock;
import com.shellguard.connector.api.CommandRecordBatch;
import com.shellguard.session.SessionService;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;

/**
 * Writes one audit batch of a node (commands, completions, typed lines, alerts, and the session ends the node could
 * not write directly) in one transaction, at most once per key: the batch's key is stored in the same transaction, so
 * a batch the node sends again because it never heard back (the database restarted between the commit and the answer)
 * finds its key and writes nothing. Keys are kept a week, long past any resend.
 */
@Stateless
public class AuditBatchWriter {

    private static final Logger LOG = Logger.getLogger(AuditBatchWriter.class.getName());
    /** One batch in this many also deletes the keys older than a week. */
    private static final int PRUNE_ONE_IN = 1000;

    @PersistenceContext(unitName = "shellguard")
    EntityManager em;

    @Inject
    CommandControlService commands;

    @Inject
    SessionService sessions;

    /** @return false when the batch had been written before (nothing was written now) */
    public boolean write(CommandRecordBatch batch) {
        if (batch.key() != null) {
            if (em.find(WrittenBatch.class, batch.key()) != null) {
                LOG.info(() -> "ShellGuard: audit batch " + batch.key() + " was written before; sent again, it is skipped");
                return false;
            }
            em.persist(new WrittenBatch(batch.key(), Clock.now()));
            if (ThreadLocalRandom.current().nextInt(PRUNE_ONE_IN) == 0) {
                em.createQuery("delete from WrittenBatch b where b.written < :cutoff")
                        .setParameter("cutoff", Clock.now().minusDays(7)).executeUpdate();
            }
        }
        commands.record(batch);
        batch.ends().forEach(sessions::sessionEnded);
        return true;
    }
}

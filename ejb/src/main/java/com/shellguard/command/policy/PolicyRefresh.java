package com.shellguard.command.policy;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Checks every second whether the policy changed on another node (one single-row read) and reloads it if
 * so; the hooks ask for their copy every 3 seconds, so a change reaches every shell within 5 seconds.
 * A timer, not a check on the decision path: decisions never wait for the database.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PolicyRefresh {

    private static final Logger LOG = Logger.getLogger(PolicyRefresh.class.getName());

    @Inject
    PolicyCache cache;

    private volatile boolean failing;

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
    void refresh() {
        try {
            cache.refreshIfChanged();
            if (failing) {
                failing = false;
                LOG.info("ShellGuard: the command policy can be read again");
            }
        } catch (RuntimeException e) {
            if (!failing) {
                failing = true;
                LOG.warning("ShellGuard: cannot check the command policy for changes (retrying every second): " + e);
            }
        }
    }
}

package com.shellguard.access;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Every {@value #PERIOD_SECONDS} seconds, expires the grants whose time is up, each in a transaction of its own
 * ({@link AccessExpiry}). With the node's termination poll (300 ms), a live session ends within about three seconds
 * of its access's end; a login is refused from the end itself, since expired grants give nothing.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AccessExpiryTimer {

    static final int PERIOD_SECONDS = 2;
    private static final Logger LOG = Logger.getLogger(AccessExpiryTimer.class.getName());

    @Inject
    AccessExpiry expiry;

    private volatile boolean failing;

    @Schedule(hour = "*", minute = "*", second = "*/" + PERIOD_SECONDS, persistent = false)
    void expireDue() {
        try {
            for (String grant : expiry.due()) {
                expiry.expire(grant);
            }
            if (failing) {
                failing = false;
                LOG.info("ShellGuard: expired grants can be ended again");
            }
        } catch (RuntimeException e) {
            if (!failing) {
                failing = true;
                LOG.warning("ShellGuard: cannot end expired grants (retrying every " + PERIOD_SECONDS + " seconds): " + e);
            }
        }
    }
}

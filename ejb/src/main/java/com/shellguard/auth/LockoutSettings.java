package com.shellguard.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * When failed logins lock an account or throttle a source address, from MicroProfile Config like the node's
 * other settings: {@code SHELLGUARD_LOCKOUT_FAILURES} (per account, default 5, 0 off) and
 * {@code SHELLGUARD_LOCKOUT_ADDRESS_FAILURES} (per source address, default 20, 0 off) within
 * {@code SHELLGUARD_LOCKOUT_WINDOW_MINUTES} (default 15) lock for {@code SHELLGUARD_LOCKOUT_MINUTES} (default 15).
 * Kept beside the lockout rather than in {@code common.Settings}, which the whole application imports.
 */
@ApplicationScoped
public class LockoutSettings {

    @Inject
    @ConfigProperty(name = "shellguard.lockout.failures", defaultValue = "5")
    int failures;

    @Inject
    @ConfigProperty(name = "shellguard.lockout.address.failures", defaultValue = "20")
    int addressFailures;

    @Inject
    @ConfigProperty(name = "shellguard.lockout.window.minutes", defaultValue = "15")
    int windowMinutes;

    @Inject
    @ConfigProperty(name = "shellguard.lockout.minutes", defaultValue = "15")
    int lockMinutes;

    public LockoutPolicy policy() {
        try {
            return new LockoutPolicy(failures, addressFailures, Duration.ofMinutes(windowMinutes), Duration.ofMinutes(lockMinutes));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("SHELLGUARD_LOCKOUT_* settings: " + e.getMessage(), e);
        }
    }
}

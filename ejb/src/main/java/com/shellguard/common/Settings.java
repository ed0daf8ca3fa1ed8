package com.shellguard.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import com.shellguard.auth.LockoutPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The node's settings, from MicroProfile Config: system properties ({@code shellguard.home}) or the
 * environment variables scripts/run.sh documents ({@code SHELLGUARD_HOME}).
 */
@ApplicationScoped
public class Settings {

    @Inject
    @ConfigProperty(name = "shellguard.home", defaultValue = "data")
    String home;

    @Inject
    @ConfigProperty(name = "shellguard.vault.key")
    Optional<String> vaultKey;

    @Inject
    @ConfigProperty(name = "shellguard.admin.password")
    Optional<String> adminPassword;

    @Inject
    @ConfigProperty(name = "shellguard.recordings")
    Optional<String> recordings;

    @Inject
    @ConfigProperty(name = "shellguard.lockout.failures", defaultValue = "5")
    int lockoutFailures;

    @Inject
    @ConfigProperty(name = "shellguard.lockout.address.failures", defaultValue = "20")
    int lockoutAddressFailures;

    @Inject
    @ConfigProperty(name = "shellguard.lockout.window.minutes", defaultValue = "15")
    int lockoutWindowMinutes;

    @Inject
    @ConfigProperty(name = "shellguard.lockout.minutes", defaultValue = "15")
    int lockoutMinutes;

    public Path home() {
        return Path.of(home).toAbsolutePath();
    }

    /**
     * Where this node's connector writes session recordings ({@code shellguard.recordings} or
     * {@code SHELLGUARD_RECORDINGS}), by default {@code recordings} under the home. The connector reads the
     * same two names.
     */
    public Path recordings() {
        return recordings.filter(s -> !s.isBlank()).map(Path::of).orElse(home().resolve("recordings")).toAbsolutePath();
    }

    public Optional<String> vaultKey() {
        return vaultKey.filter(s -> !s.isBlank());
    }

    public Optional<String> adminPassword() {
        return adminPassword.filter(s -> !s.isBlank());
    }

    /**
     * When failed logins lock an account or throttle a source address: {@code SHELLGUARD_LOCKOUT_FAILURES}
     * (per account, default 5, 0 off) and {@code SHELLGUARD_LOCKOUT_ADDRESS_FAILURES} (per source address,
     * default 20, 0 off) within {@code SHELLGUARD_LOCKOUT_WINDOW_MINUTES} (default 15) lock for
     * {@code SHELLGUARD_LOCKOUT_MINUTES} (default 15).
     */
    public LockoutPolicy lockoutPolicy() {
        try {
            return new LockoutPolicy(lockoutFailures, lockoutAddressFailures, Duration.ofMinutes(lockoutWindowMinutes),
                    Duration.ofMinutes(lockoutMinutes));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("SHELLGUARD_LOCKOUT_* settings: " + e.getMessage(), e);
        }
    }
}

package com.shellguard.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
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
}

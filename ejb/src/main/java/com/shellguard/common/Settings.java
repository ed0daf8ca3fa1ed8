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

    public Path home() {
        return Path.of(home).toAbsolutePath();
    }

    public Optional<String> vaultKey() {
        return vaultKey.filter(s -> !s.isBlank());
    }

    public Optional<String> adminPassword() {
        return adminPassword.filter(s -> !s.isBlank());
    }
}

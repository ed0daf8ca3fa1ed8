package com.shellguard.sso;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * How long after a single sign-on over SSH a federated person's registered keys are accepted, as the node is set now
 * ({@code SHELLGUARD_OIDC_KEY_HOURS}): nothing without single sign-on, or with settings that are wrong, so a window
 * never outlives the setting that opened it.
 */
@ApplicationScoped
public class KeyWindow {

    private static final Logger LOG = Logger.getLogger(KeyWindow.class.getName());

    @Inject
    SsoSettings settings;

    public Duration now() {
        if (!settings.configured()) {
            return Duration.ZERO;
        }
        try {
            return settings.config().keyWindow();
        } catch (ProviderUnavailableException e) {
            LOG.log(Level.WARNING, "no key window: " + e.getMessage());
            return Duration.ZERO;
        }
    }
}

package com.shellguard.directory;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/** Checks the directory settings when the node starts, so a bad value stops it with the setting's name in the log. */
@Singleton
@Startup
public class DirectorySettingsCheck {

    private static final Logger LOG = Logger.getLogger(DirectorySettingsCheck.class.getName());

    @Inject
    DirectorySettings settings;

    @PostConstruct
    void check() {
        if (!settings.configured()) {
            return;
        }
        try {
            DirectoryConfig config = settings.config();
            LOG.info("ShellGuard: password logins of directory accounts are checked against " + config.url());
        } catch (DirectoryUnavailableException e) {
            throw new IllegalStateException("ShellGuard: " + e.getMessage(), e);
        }
    }
}

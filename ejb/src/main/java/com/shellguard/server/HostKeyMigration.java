package com.shellguard.server;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Earlier versions pinned one host key per server, in a column of the server's row. At startup each such key
 * becomes its server's one pinned key in the set, and the column is cleared. The set's table and the old column are
 * both in the baseline schema (db/migration/V1), which such a database is taken for.
 */
@Singleton
@Startup
public class HostKeyMigration {

    private static final Logger LOG = Logger.getLogger(HostKeyMigration.class.getName());

    @Inject
    ServerRepository servers;

    @PostConstruct
    void migrate() {
        long moved = servers.withLegacyHostKey().stream().filter(Server::migrateLegacyHostKey).count();
        if (moved > 0) {
            LOG.info(() -> "ShellGuard: moved the pinned host key of " + moved + " server(s) into their sets of pinned keys");
        }
    }
}

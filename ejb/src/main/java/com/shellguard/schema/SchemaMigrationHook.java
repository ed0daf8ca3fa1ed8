package com.shellguard.schema;

import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.DatasourceLogin;
import org.eclipse.persistence.sessions.JNDIConnector;
import org.eclipse.persistence.sessions.Session;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Runs the migrations when the persistence unit is deployed, before its session logs in: EclipseLink calls a session
 * customizer before the first connection, so nothing that uses the database can run against an old schema.
 * The unit deploys on startup (persistence.xml), so this happens during the application's deployment.
 *
 * <p>A schema that cannot be migrated (a failed migration, a database newer than this code) fails the deployment
 * with the reason in the log. Under {@code scripts/run.sh} ({@code shellguard.schema.exit-on-failure=true}) the node
 * then exits, because Payara Micro would otherwise keep running without the application while the connector's SSH
 * listener still accepts connections.
 */
public class SchemaMigrationHook implements SessionCustomizer {

    private static final Logger LOG = Logger.getLogger(SchemaMigrationHook.class.getName());
    static final String EXIT_ON_FAILURE = "shellguard.schema.exit-on-failure";

    @Override
    public void customize(Session session) throws Exception {
        DataSource dataSource = dataSource(session);
        try {
            MigrateResult result = SchemaMigrations.of(dataSource).migrate();
            // Flyway leaves the target version empty when it applied nothing: the schema is then at its initial version
            String version = result.migrationsExecuted > 0 ? result.targetSchemaVersion : result.initialSchemaVersion;
            LOG.info(() -> "ShellGuard: database schema at version " + version
                    + (result.migrationsExecuted > 0 ? " (" + result.migrationsExecuted + " migration(s) applied, from "
                    + (result.initialSchemaVersion == null ? "an empty database" : "version " + result.initialSchemaVersion) + ")"
                    : ", nothing to migrate"));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "ShellGuard: the database schema cannot be brought to this version of ShellGuard, so it does not start: "
                    + e.getMessage() + "\n(Restore the backup made before the upgrade, or run the release the database belongs to;"
                    + " see README, Upgrades.)", e);
            if (Boolean.getBoolean(EXIT_ON_FAILURE)) {
                // not from the deploying thread: the server's shutdown waits for the deployment to end
                Thread exit = new Thread(() -> System.exit(3), "shellguard-schema-failure");
                exit.start();
            }
            throw e;
        }
    }

    private static DataSource dataSource(Session session) throws NamingException {
        if (session.getDatasourceLogin() instanceof DatasourceLogin login && login.getConnector() instanceof JNDIConnector jndi) {
            if (jndi.getDataSource() != null) {
                return jndi.getDataSource();
            }
            return (DataSource) new InitialContext().lookup(jndi.getName());
        }
        throw new IllegalStateException("the persistence unit has no data source to migrate (" + session.getDatasourceLogin() + ")");
    }
}

package com.shellguard.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The database schema's versions: the SQL migrations under {@code db/migration} in this jar, applied by Flyway in
 * order, each once, recorded in {@code flyway_schema_history}. A database the previous release built without Flyway
 * (its tables there, no history) is taken as version {@value #BASELINE} and migrated from there. A database that
 * holds a version this code does not know, or whose applied migrations differ from these, is refused.
 */
public final class SchemaMigrations {

    /** The schema of release 0.1.0, the last one whose schema EclipseLink built (create-or-extend-tables). */
    public static final String BASELINE = "1";

    static final String LOCATION = "classpath:db/migration";

    /** The PostgreSQL advisory lock nodes hold while they migrate (any number only ShellGuard uses). */
    static final long LOCK = 0x5347_666c_7977_6179L;

    private final Flyway flyway;
    private final DataSource dataSource;

    private SchemaMigrations(Flyway flyway, DataSource dataSource) {
        this.flyway = flyway;
        this.dataSource = dataSource;
    }

    public static SchemaMigrations of(DataSource dataSource) {
        return new SchemaMigrations(Flyway.configure(SchemaMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations(LOCATION)
                .baselineOnMigrate(true)
                .baselineVersion(BASELINE)
                .baselineDescription("schema of 0.1.0, built by EclipseLink")
                // an applied version this code has no file for means the database is newer than the code: refuse it
                .ignoreMigrationPatterns(new String[0])
                .loggers("org.flywaydb.core.internal.logging.javautil.JavaUtilLogCreator")
                .load(), dataSource);
    }

    /**
     * Brings the schema to the newest version; a database it cannot migrate throws a FlywayException saying why.
     * Nodes starting together on one PostgreSQL database take turns: Flyway locks its own migrations, but not the
     * baseline of a database without history, where a second node would find the first one's empty history table.
     */
    public MigrateResult migrate() {
        try (Connection c = dataSource.getConnection()) {
            boolean postgresql = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
            if (postgresql) {
                try (Statement s = c.createStatement()) {
                    s.execute("select pg_advisory_lock(" + LOCK + ")");
                }
            }
            try {
                return flyway.migrate();
            } finally {
                if (postgresql) {
                    try (Statement s = c.createStatement()) {
                        s.execute("select pg_advisory_unlock(" + LOCK + ")");
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database to migrate it: " + e.getMessage(), e);
        }
    }

    /** The version the database is at after {@link #migrate()}, or null for an empty one. */
    public String currentVersion() {
        var current = flyway.info().current();
        return current == null ? null : current.getVersion().getVersion();
    }
}

package com.shellguard.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * A database release 0.1.0 built (its tables and rows, no migration history) is taken as version 1 and migrated to
 * the newest, and then has the very schema a fresh database gets, rows kept; several nodes starting at once on one
 * PostgreSQL database migrate it once.
 */
class PreviousReleaseUpgradeTest {

    @OnEveryDatabase
    void aDatabaseOfThePreviousReleaseIsBaselinedAndMigratedToTheSchemaAFreshOneGets(TestDatabases.Engine engine) {
        try (TestDatabases.Database old = engine.create(); TestDatabases.Database fresh = engine.create()) {
            PreviousRelease.loadInto(old, engine);
            List<String> users = query(old, "select username, role from sg_user order by username");
            List<String> commands = query(old, "select verdict, count(*) from sg_command group by verdict order by verdict");
            assertTrue(users.contains("alice|USER"), "the fixture holds the previous release's users: " + users);

            SchemaMigrations migrations = SchemaMigrations.of(old.dataSource());
            var result = migrations.migrate();
            assertEquals(String.valueOf(FreshDatabaseMigrationTest.newestVersion()), migrations.currentVersion());
            assertEquals(List.of("1|BASELINE"), query(old, "select \"version\", \"type\" from \"flyway_schema_history\" where \"version\" = '1'"),
                    "the previous release's schema is version 1, not built again");
            assertEquals(FreshDatabaseMigrationTest.migrationFiles() - 1, result.migrationsExecuted, "every version after the baseline applied");

            SchemaMigrations.of(fresh.dataSource()).migrate();
            assertEquals(List.of(), SchemaShape.of(fresh.dataSource()).differencesFrom(SchemaShape.of(old.dataSource())),
                    "an upgraded database and a fresh one have one schema");
            assertEquals(users, query(old, "select username, role from sg_user order by username"));
            assertEquals(commands, query(old, "select verdict, count(*) from sg_command group by verdict order by verdict"));
        }
    }

    @Test
    void nodesStartingTogetherOnOnePostgresqlDatabaseMigrateItOnce() throws Exception {
        try (TestDatabases.Database old = TestDatabases.postgresql(); TestDatabases.Database fresh = TestDatabases.postgresql()) {
            PreviousRelease.loadInto(old, TestDatabases.Engine.POSTGRESQL);
            for (TestDatabases.Database db : List.of(old, fresh)) {
                ExecutorService nodes = Executors.newFixedThreadPool(4);
                try {
                    List<Future<String>> started = new ArrayList<>();
                    for (int i = 0; i < 4; i++) {
                        started.add(nodes.submit(() -> {
                            SchemaMigrations m = SchemaMigrations.of(db.dataSource());
                            m.migrate();
                            return m.currentVersion();
                        }));
                    }
                    for (Future<String> node : started) {
                        assertEquals(String.valueOf(FreshDatabaseMigrationTest.newestVersion()), node.get());
                    }
                } finally {
                    nodes.shutdown();
                }
                assertEquals(List.of(), query(db, "select \"version\" from \"flyway_schema_history\" group by \"version\" having count(*) > 1"),
                        "each version recorded once");
            }
            assertEquals(List.of("1|BASELINE"), query(old, "select \"version\", \"type\" from \"flyway_schema_history\" where \"version\" = '1'"));
            assertEquals(List.of("1|SQL"), query(fresh, "select \"version\", \"type\" from \"flyway_schema_history\" where \"version\" = '1'"));
        }
    }

    static List<String> query(TestDatabases.Database db, String sql) {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> cols = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    cols.add(rs.getString(i));
                }
                rows.add(String.join("|", cols));
            }
            return rows;
        } catch (SQLException e) {
            throw new AssertionError(sql, e);
        }
    }
}

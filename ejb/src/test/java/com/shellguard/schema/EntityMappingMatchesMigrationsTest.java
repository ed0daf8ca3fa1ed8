package com.shellguard.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The entities' mapping and the migrations agree: the tables EclipseLink would build for the entities (what
 * create-or-extend-tables did before) are, column for column, type for type, key for key, the tables the migrations
 * build, on H2 and on PostgreSQL. An entity or a column added without its migration fails here, named.
 */
class EntityMappingMatchesMigrationsTest {

    @OnEveryDatabase
    void theMigratedSchemaIsWhatTheEntitiesMap(TestDatabases.Engine engine) {
        try (TestDatabases.Database migrated = engine.create(); TestDatabases.Database generated = engine.create()) {
            SchemaMigrations.of(migrated.dataSource()).migrate();
            TestDatabases.createTablesFromEntities(generated);
            SchemaShape entities = SchemaShape.of(generated.dataSource());
            SchemaShape migrations = SchemaShape.of(migrated.dataSource());
            assertTrue(entities.columns().size() > 100, "the entities map " + entities.columns().size() + " columns: " + entities.columns().keySet());
            List<String> differences = entities.differencesFrom(migrations);
            assertEquals(List.of(), differences, "the migrations in db/migration and the entities disagree; write a V<n>__*.sql"
                    + " that makes the schema what the entities map:\n  " + String.join("\n  ", differences));
        }
    }

    @Test
    void aColumnOrTableWithoutItsMigrationIsNamed() {
        try (TestDatabases.Database migrated = TestDatabases.h2(); TestDatabases.Database generated = TestDatabases.h2()) {
            SchemaMigrations.of(migrated.dataSource()).migrate();
            // as if the entities had gained a column and a table that no migration creates
            TestDatabases.execute(migrated.dataSource(), "alter table sg_user drop column enabled");
            TestDatabases.execute(migrated.dataSource(), "drop table sg_totp_recovery");
            TestDatabases.createTablesFromEntities(generated);
            List<String> differences = SchemaShape.of(generated.dataSource()).differencesFrom(SchemaShape.of(migrated.dataSource()));
            assertTrue(differences.contains("column sg_user.enabled (boolean) is mapped by the entities but no migration creates it"),
                    String.join("\n", differences));
            assertTrue(differences.contains("column sg_totp_recovery.code_hash (character varying(64)) is mapped by the entities but no migration creates it"),
                    String.join("\n", differences));
        }
    }
}

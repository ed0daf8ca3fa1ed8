package com.shellguard.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.api.output.MigrateResult;

/** An empty database is migrated from nothing to the newest version, every file once; a second start applies nothing. */
class FreshDatabaseMigrationTest {

    private static final Pattern VERSIONED = Pattern.compile("V(\\d+)__\\w+\\.sql");

    @OnEveryDatabase
    void anEmptyDatabaseMigratesFromNothingToTheNewestVersion(TestDatabases.Engine engine) {
        try (TestDatabases.Database db = engine.create()) {
            SchemaMigrations migrations = SchemaMigrations.of(db.dataSource());
            MigrateResult first = migrations.migrate();
            assertNull(first.initialSchemaVersion, "an empty database has no version");
            assertEquals(migrationFiles(), first.migrationsExecuted, "every migration file applied once");
            assertEquals(String.valueOf(newestVersion()), migrations.currentVersion());
            MigrateResult again = SchemaMigrations.of(db.dataSource()).migrate();
            assertEquals(0, again.migrationsExecuted, "a second start applies nothing");
        }
    }

    static long migrationFiles() {
        try (Stream<Path> files = Files.list(folder())) {
            return files.filter(f -> VERSIONED.matcher(f.getFileName().toString()).matches()).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int newestVersion() {
        try (Stream<Path> files = Files.list(folder())) {
            return files.map(f -> VERSIONED.matcher(f.getFileName().toString())).filter(Matcher::matches)
                    .map(m -> Integer.parseInt(m.group(1))).max(Comparator.naturalOrder()).orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path folder() {
        try {
            return Path.of(FreshDatabaseMigrationTest.class.getClassLoader().getResource("db/migration").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}

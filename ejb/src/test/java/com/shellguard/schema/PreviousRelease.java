package com.shellguard.schema;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The databases release 0.1.0 wrote (the last release without migrations): test resources under
 * {@code upgrade/0.1.0}, an H2 {@code SCRIPT} and a {@code pg_dump} of a node that served real sessions, with the API's
 * answers about them (see {@code upgrade/README.md} there for how they were made).
 */
final class PreviousRelease {

    private PreviousRelease() {
    }

    static Path fixture(TestDatabases.Engine engine) {
        try {
            return Path.of(PreviousRelease.class.getClassLoader().getResource("upgrade/0.1.0/" + engine.vendor() + "/shellguard.sql").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static void loadInto(TestDatabases.Database db, TestDatabases.Engine engine) {
        if (engine == TestDatabases.Engine.H2) {
            TestDatabases.execute(db.dataSource(), "RUNSCRIPT FROM '" + fixture(engine) + "'");
        } else {
            String name = ((PGSimpleDataSource) db.dataSource()).getDatabaseName();
            psql(List.of("psql", "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-U", "postgres", "-d", name, "-f", fixture(engine).toString()));
        }
    }

    private static void psql(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) {
                throw new AssertionError(command + " failed:\n" + out);
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}

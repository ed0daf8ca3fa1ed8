package com.shellguard.schema;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.Session;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Fresh databases for the schema tests: H2 in memory with the options the node's URL gives it (scripts/run.sh), and
 * PostgreSQL databases on 127.0.0.1:5432 (trust, user postgres) named {@code flyway_test_*}, dropped afterwards.
 */
public final class TestDatabases {

    /** The options scripts/run.sh puts in the node's H2 URL after the file name. */
    static final String H2_OPTIONS = ";MODE=PostgreSQL";

    private TestDatabases() {
    }

    /**
     * The databases a node runs on, for a behaviour proven on each of them ({@link OnEveryDatabase}); its name is
     * also the folder of the previous release's fixture for it.
     */
    public enum Engine {
        H2("H2", TestDatabases::h2),
        POSTGRESQL("PostgreSQL", TestDatabases::postgresql);

        private final String title;
        private final Supplier<Database> fresh;

        Engine(String title, Supplier<Database> fresh) {
            this.title = title;
            this.fresh = fresh;
        }

        /** A new, empty database of this engine, dropped on close. */
        public Database create() {
            return fresh.get();
        }

        String vendor() {
            return name().toLowerCase(Locale.ROOT);
        }

        @Override
        public String toString() {
            return title;
        }
    }

    public interface Database extends AutoCloseable {
        DataSource dataSource();

        String jdbcUrl();

        String user();

        @Override
        void close();
    }

    public static Database h2() {
        return h2(H2_OPTIONS);
    }

    /** An H2 database in memory with these URL options (the previous release's URL had none). */
    static Database h2(String options) {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1" + options;
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(url);
        ds.setUser("sa");
        ds.setPassword("sa");
        return new Database() {
            public DataSource dataSource() {
                return ds;
            }

            public String jdbcUrl() {
                return url;
            }

            public String user() {
                return "sa";
            }

            public void close() {
                execute(ds, "shutdown");
            }
        };
    }

    public static Database postgresql() {
        String name = "flyway_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute(pg("postgres"), "create database " + name);
        PGSimpleDataSource ds = pg(name);
        return new Database() {
            public DataSource dataSource() {
                return ds;
            }

            public String jdbcUrl() {
                return ds.getURL();
            }

            public String user() {
                return "postgres";
            }

            public void close() {
                execute(pg("postgres"), "drop database if exists " + name + " with (force)");
            }
        };
    }

    private static PGSimpleDataSource pg(String database) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {"127.0.0.1"});
        ds.setPortNumbers(new int[] {5432});
        ds.setDatabaseName(database);
        ds.setUser("postgres");
        return ds;
    }

    static void execute(DataSource ds, String sql) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new AssertionError(sql, e);
        }
    }

    /**
     * Lets EclipseLink build the tables for the entities into this (empty) database, as {@code create-or-extend-tables}
     * did before the migrations: the schema the entities' mapping asks for.
     */
    static void createTablesFromEntities(Database db) {
        Map<String, Object> props = new HashMap<>();
        props.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
        props.put("jakarta.persistence.jtaDataSource", "");
        props.put("jakarta.persistence.jdbc.url", db.jdbcUrl());
        props.put("jakarta.persistence.jdbc.user", db.user());
        props.put("jakarta.persistence.jdbc.password", db.user().equals("sa") ? "sa" : "");
        props.put("eclipselink.session.customizer", NoMigration.class.getName());
        props.put("eclipselink.deploy-on-startup", "false");
        props.put("eclipselink.ddl-generation", "create-or-extend-tables");
        props.put("eclipselink.ddl-generation.output-mode", "database");
        props.put("eclipselink.logging.level", "WARNING");
        EntityManagerFactory emf = Persistence.createEntityManagerFactory("shellguard", props);
        try {
            emf.createEntityManager().close();
        } finally {
            emf.close();
        }
    }

    /** Stands in for the migration hook where the entities, not the migrations, build the schema. */
    public static final class NoMigration implements SessionCustomizer {
        @Override
        public void customize(Session session) {
        }
    }
}

package com.shellguard.e2e;

import java.util.List;

/** A fresh PostgreSQL database on 127.0.0.1:5432 for one test, dropped afterwards. */
final class TestDatabase implements AutoCloseable {

    final String name;

    private TestDatabase(String name) {
        this.name = name;
    }

    static TestDatabase create(String prefix) {
        TestDatabase db = new TestDatabase("shellguard_it_" + Fixture.unique(prefix).replace("-", "_"));
        psql("postgres", "create database " + db.name);
        return db;
    }

    String query(String sql) {
        return psql(name, sql).trim();
    }

    /** Runs a {@code pg_dump} file (plain SQL) into this database. */
    void load(java.nio.file.Path dump) {
        Processes.check(List.of("psql", "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-U", "postgres", "-d", name, "-f", dump.toString()));
    }

    @Override
    public void close() {
        psql("postgres", "drop database if exists " + name + " with (force)");
    }

    private static String psql(String database, String sql) {
        return Processes.check(List.of("psql", "-h", "127.0.0.1", "-U", "postgres", "-d", database, "-tAc", sql)).stdout();
    }
}

package com.shellguard.e2e;

import java.util.List;

/**
 * A PostgreSQL 15 cluster of a test's own ({@code pg_createcluster} on a free port, trust authentication on
 * loopback), for tests that restart or stop the database: the shared one on 5432 serves other tests meanwhile. One
 * database in it, owned by a login role that is not a superuser (so privileges can be taken from it). Dropped on close.
 */
final class PostgresCluster implements AutoCloseable {

    final String name;
    final int port;
    final String database = "shellguard";
    final String role = "sgnode";

    private PostgresCluster(String name, int port) {
        this.name = name;
        this.port = port;
    }

    static PostgresCluster create(String prefix) {
        PostgresCluster cluster = new PostgresCluster(Provisioning.unique(prefix).replace("-", "_"), Processes.freePort());
        Processes.check(List.of("pg_createcluster", "15", cluster.name, "--port", String.valueOf(cluster.port),
                "--start", "--", "--auth=trust"));
        cluster.superuser("postgres", "create role " + cluster.role + " login");
        cluster.superuser("postgres", "create database " + cluster.database + " owner " + cluster.role);
        return cluster;
    }

    /** A query as the superuser in the test's database; its rows, fields separated by |. */
    String query(String sql) {
        return superuser(database, sql).trim();
    }

    void restart() {
        Processes.check(List.of("pg_ctlcluster", "15", name, "restart", "-m", "fast"));
    }

    void stop() {
        Processes.check(List.of("pg_ctlcluster", "15", name, "stop", "-m", "fast"));
    }

    void start() {
        Processes.check(List.of("pg_ctlcluster", "15", name, "start"));
    }

    /** The environment of a node keeping its state in this cluster. */
    java.util.Map<String, String> nodeEnvironment() {
        return java.util.Map.of("SHELLGUARD_DB", "postgresql", "SHELLGUARD_DB_PORT", String.valueOf(port),
                "SHELLGUARD_DB_NAME", database, "SHELLGUARD_DB_USER", role);
    }

    private String superuser(String db, String sql) {
        return Processes.check(List.of("psql", "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", "postgres", "-d", db,
                "-tAc", sql)).stdout();
    }

    @Override
    public void close() {
        Processes.run(List.of("pg_dropcluster", "15", name, "--stop"));
    }
}

package com.shellguard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The production database: a node configured for PostgreSQL keeps its audit there. */
class PostgresqlIT {

    @Test
    void aNodeOnPostgresqlProxiesASessionAndAuditsItInTheDatabase() {
        String database = "shellguard_it_" + Fixture.unique("db").replace("-", "_");
        psql("postgres", "create database " + database);
        try (TargetServer target = TargetServer.start();
             GatewayNode node = GatewayNode.start(Map.of("SHELLGUARD_DB", "postgresql", "SHELLGUARD_DB_NAME", database,
                     "SHELLGUARD_DB_USER", "postgres"))) {
            Provisioning.Access access = new Provisioning(node.admin(), target).access("pg");
            String user = access.person().name();
            Processes.Result r = OpenSshClient.withKey(node.sshPort(), access.person().key())
                    .ssh(user + "@" + access.server(), "echo on-postgres");
            assertEquals(0, r.exitCode(), r.output());
            assertEquals("on-postgres\n", r.stdout());

            long deadline = System.nanoTime() + 15_000_000_000L;
            String count = "";
            while (System.nanoTime() < deadline) {
                count = psql(database, "select count(*) from sg_session where user_name = '" + user + "' and ended is not null").trim();
                if (count.equals("1")) {
                    break;
                }
                Processes.sleep(java.time.Duration.ofMillis(300));
            }
            assertEquals("1", count);
        } finally {
            psql("postgres", "drop database if exists " + database + " with (force)");
        }
    }

    private static String psql(String database, String sql) {
        return Processes.check(List.of("psql", "-h", "127.0.0.1", "-U", "postgres", "-d", database, "-tAc", sql)).stdout();
    }
}

package com.shellguard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The production database: a node configured for PostgreSQL keeps its audit there. */
class PostgresqlIT {

    @Test
    void aNodeOnPostgresqlProxiesASessionAndAuditsItInTheDatabase() {
        try (TestDatabase database = TestDatabase.create("pg");
             TargetServer target = TargetServer.start();
             GatewayNode node = GatewayNode.start(Map.of("SHELLGUARD_DB", "postgresql", "SHELLGUARD_DB_NAME", database.name,
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
                count = database.query("select count(*) from sg_session where user_name = '" + user + "' and ended is not null");
                if (count.equals("1")) {
                    break;
                }
                Processes.sleep(java.time.Duration.ofMillis(300));
            }
            assertEquals("1", count);
        }
    }
}

package com.shellguard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The production database: a node configured for PostgreSQL keeps its audit there. */
class PostgresqlIT {

    private static GatewayNode nodeOn(TestDatabase database) {
        return GatewayNode.start(Map.of("SHELLGUARD_DB", "postgresql", "SHELLGUARD_DB_NAME", database.name, "SHELLGUARD_DB_USER", "postgres"));
    }

    @Test
    void aNodeOnPostgresqlProxiesASessionAndAuditsItInTheDatabase() {
        try (TestDatabase database = TestDatabase.create("pg");
             TargetServer target = TargetServer.start();
             GatewayNode node = nodeOn(database)) {
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

    @Test
    void aHostKeyPinnedByAnEarlierVersionIsTheServersOnePinnedKeyAfterTheUpgrade() {
        try (TestDatabase database = TestDatabase.create("pgmig");
             TargetServer target = TargetServer.start();
             GatewayNode node = nodeOn(database)) {
            Provisioning.Access access = new Provisioning(node.admin(), target).access("pgmig");
            // the row an earlier version left: one key in the server's own row, none in the set of pinned keys
            // (the set's table itself is there: 0.1.0, the baseline every upgraded database starts from, has it)
            node.stop();
            database.query("delete from sg_server_host_key");
            database.query("update sg_server set host_key = '" + target.hostKey() + " root@target', host_key_pinned_at = now()"
                    + " where name = '" + access.server() + "'");
            node.boot();

            JsonObject server = node.admin().get("/servers/" + access.server()).expect(200).object();
            assertEquals(List.of(target.hostKey()), Provisioning.strings(server.getJsonArray("hostKeys")), server.toString());
            assertEquals("", database.query("select coalesce(host_key, '') from sg_server where name = '" + access.server() + "'"));
            Processes.Result r = OpenSshClient.withKey(node.sshPort(), access.person().key())
                    .ssh(access.person().name() + "@" + access.server(), "echo upgraded");
            assertEquals(0, r.exitCode(), r.output());
            assertEquals(List.of(target.hostKey()), Provisioning.strings(node.admin().get("/servers/" + access.server()).expect(200)
                    .object().getJsonArray("hostKeys")), "the session matched the migrated key and pinned no other");
        }
    }
}

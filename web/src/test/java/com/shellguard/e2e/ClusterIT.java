package com.shellguard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The production layout: two nodes clustered through Payara's Hazelcast, one PostgreSQL database and one
 * vault key. What an admin sets up on one node serves logins on the other, and both see one audit.
 */
class ClusterIT {

    @Test
    void twoClusteredNodesOnOneDatabaseServeTheSameUsersAndShareTheAudit() {
        byte[] vaultKey = new byte[32];
        new Random().nextBytes(vaultKey);
        int hazelcastA = Processes.freePort();
        int hazelcastB = Processes.freePort();
        try (TestDatabase database = TestDatabase.create("cluster")) {
            Map<String, String> shared = Map.of("SHELLGUARD_DB", "postgresql", "SHELLGUARD_DB_NAME", database.name,
                    "SHELLGUARD_DB_USER", "postgres", "SHELLGUARD_VAULT_KEY", Base64.getEncoder().encodeToString(vaultKey),
                    "SHELLGUARD_CLUSTER", "tcpip:127.0.0.1:" + hazelcastA + ",127.0.0.1:" + hazelcastB);
            try (TargetServer target = TargetServer.start();
                 GatewayNode a = GatewayNode.start(with(shared, "SHELLGUARD_CLUSTER_PORT", String.valueOf(hazelcastA)));
                 GatewayNode b = GatewayNode.start(with(shared, "SHELLGUARD_CLUSTER_PORT", String.valueOf(hazelcastB)))) {
                assertTrue(b.logText().contains("DG Size: 2"), "the second node should have joined the first one's data grid");
                Provisioning.Access access = new Provisioning(a.admin(), target).access("both");
                String user = access.person().name();

                Processes.Result viaB = OpenSshClient.withKey(b.sshPort(), access.person().key())
                        .ssh(user + "@" + access.server(), "echo served-by-b");
                assertEquals(0, viaB.exitCode(), viaB.output());
                assertEquals("served-by-b\n", viaB.stdout());

                new Provisioning(a.admin(), target).awaitSession(user, s -> Fixture.has(s, "end"));
                long rows = a.admin().get("/sessions?user=" + user).expect(200).array().size();
                assertEquals(1, rows, "node A should see exactly the one session node B served");
            }
        }
    }

    private static Map<String, String> with(Map<String, String> base, String key, String value) {
        Map<String, String> all = new HashMap<>(base);
        all.put(key, value);
        return all;
    }
}

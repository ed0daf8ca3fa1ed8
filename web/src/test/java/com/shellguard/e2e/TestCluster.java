package com.shellguard.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * The production layout: two nodes clustered through Payara's Hazelcast on one fresh PostgreSQL database with one
 * vault key, and a target server. {@code both} is given to both nodes (a shared recordings directory, say); with
 * {@code oneHostKey} the second node starts with the first one's SSH host key, as an operator copies it so that
 * clients behind a load balancer see one gateway.
 */
final class TestCluster implements AutoCloseable {

    final TestDatabase database;
    final TargetServer target;
    final GatewayNode a;
    final GatewayNode b;

    private TestCluster(TestDatabase database, TargetServer target, GatewayNode a, GatewayNode b) {
        this.database = database;
        this.target = target;
        this.a = a;
        this.b = b;
    }

    static TestCluster start(Map<String, String> both, boolean oneHostKey) {
        byte[] vaultKey = new byte[32];
        new Random().nextBytes(vaultKey);
        int hazelcastA = Processes.freePort();
        int hazelcastB = Processes.freePort();
        TestDatabase database = TestDatabase.create("cluster");
        Map<String, String> shared = new HashMap<>(both);
        shared.putAll(Map.of("SHELLGUARD_DB", "postgresql", "SHELLGUARD_DB_NAME", database.name,
                "SHELLGUARD_DB_USER", "postgres", "SHELLGUARD_VAULT_KEY", Base64.getEncoder().encodeToString(vaultKey),
                "SHELLGUARD_CLUSTER", "tcpip:127.0.0.1:" + hazelcastA + ",127.0.0.1:" + hazelcastB));
        TargetServer target = null;
        GatewayNode a = null;
        try {
            target = TargetServer.start();
            a = GatewayNode.start(with(shared, "SHELLGUARD_CLUSTER_PORT", String.valueOf(hazelcastA)));
            Path hostKey = a.home().resolve("ssh_host_key");
            GatewayNode b = GatewayNode.start(with(shared, "SHELLGUARD_CLUSTER_PORT", String.valueOf(hazelcastB)), home -> {
                if (oneHostKey) {
                    copy(hostKey, home.resolve("ssh_host_key"));
                }
            });
            return new TestCluster(database, target, a, b);
        } catch (RuntimeException | Error e) {
            closeAll(a, target, database);
            throw e;
        }
    }

    private static void copy(Path from, Path to) {
        try {
            Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
        } catch (IOException e) {
            throw new AssertionError("cannot copy the first node's host key", e);
        }
    }

    private static Map<String, String> with(Map<String, String> base, String key, String value) {
        Map<String, String> all = new HashMap<>(base);
        all.put(key, value);
        return all;
    }

    @Override
    public void close() {
        closeAll(b, a, target, database);
    }

    private static void closeAll(AutoCloseable... all) {
        for (AutoCloseable c : all) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // the next one is still closed
            }
        }
    }
}

package com.shellguard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An upgrade as an operator does it: a node of this release started on the database release 0.1.0 wrote (users,
 * groups, servers with pinned keys and sealed credentials, grants, rules, tokens, sessions, commands, alerts, transfers,
 * logins; ejb/src/test/resources/upgrade/0.1.0), with that release's vault key. It migrates the schema, answers every
 * read as 0.1.0 answered it, lets the old people in through the old servers with the old credentials, and takes new
 * data. On PostgreSQL, a database a newer release migrated then stops this node's start.
 */
class UpgradeIT {

    /** The reads whose answers 0.1.0 gave are in api/ (the file name is the path with / ? = as _). */
    private static final List<String> READS = List.of("/users", "/groups", "/servers", "/servers/web01/accounts",
            "/servers/db01/accounts", "/grants", "/command-rules", "/command-defaults", "/sessions?limit=1000",
            "/audit/commands?limit=1000", "/audit/alerts?limit=1000", "/audit/transfers?limit=1000", "/audit/auth?limit=1000",
            "/tokens", "/settings/mfa", "/users/carol/totp", "/users/alice", "/servers/web01");

    private static final Path FIXTURE = GatewayNode.projectRoot().resolve("ejb/src/test/resources/upgrade/0.1.0");

    private static Map<String, String> environment() {
        try {
            return Map.of("SHELLGUARD_VAULT_KEY", Files.readString(FIXTURE.resolve("vault.key")).trim(), "SHELLGUARD_NODE", "node-a");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aNodeUpgradesTheH2DatabaseOfThePreviousReleaseAndServesItsOldDataAndNewData() throws Exception {
        try (TargetServer target = TargetServer.start();
             GatewayNode node = GatewayNode.start(environment(), home -> restoreH2(home, FIXTURE.resolve("h2/shellguard.sql")))) {
            assertServesOldAndNewData(node, target, "h2");
        }
    }

    @Test
    void aNodeUpgradesThePostgresqlDatabaseOfThePreviousReleaseAndStopsOnOneNewerThanItself() throws Exception {
        try (TestDatabase database = TestDatabase.create("upgrade"); TargetServer target = TargetServer.start()) {
            database.load(FIXTURE.resolve("postgresql/shellguard.sql"));
            Map<String, String> env = new java.util.HashMap<>(environment());
            env.putAll(Map.of("SHELLGUARD_DB", "postgresql", "SHELLGUARD_DB_NAME", database.name, "SHELLGUARD_DB_USER", "postgres"));
            try (GatewayNode node = GatewayNode.start(env)) {
                assertServesOldAndNewData(node, target, "postgresql");
                assertEquals("1|BASELINE", database.query("select version || '|' || type from flyway_schema_history where version = '1'"));

                node.stop();
                database.query("insert into flyway_schema_history (installed_rank, version, description, type, script, checksum,"
                        + " installed_by, installed_on, execution_time, success) select max(installed_rank) + 1, '999',"
                        + " 'from a newer release', 'SQL', 'V999__from_a_newer_release.sql', 0, 'test', now(), 0, true from flyway_schema_history");
                AssertionError refused = assertThrows(AssertionError.class, node::boot);
                assertTrue(refused.getMessage().contains("exited during start-up"), refused.getMessage());
                String log = node.logText();
                assertTrue(log.contains("the database schema cannot be brought to this version of ShellGuard")
                        && log.contains("999"), "the log says why the node did not start:\n" + refused.getMessage());
            }
        }
    }

    private static void assertServesOldAndNewData(GatewayNode node, TargetServer target, String vendor) throws IOException {
        assertTrue(node.logText().contains("ShellGuard: database schema at version"), "the node logs the schema version it migrated to");
        Api admin = node.admin();
        for (String read : READS) {
            JsonValue before = parse(Files.readString(FIXTURE.resolve(vendor).resolve("api")
                    .resolve(read.substring(1).replaceAll("[/?=]", "_") + ".json")));
            JsonValue now = parse(admin.get(read).expect(200).body());
            List<String> missing = new ArrayList<>();
            contains(now, before, read, missing);
            assertEquals(List.of(), missing, read + " lost what 0.1.0 answered");
        }

        // the old people, servers, grants and sealed credentials work: web01 (key credential) and db01 (password
        // credential) moved to this test's sshd, which accepts 0.1.0's stored client key, with its host key pinned
        target.authorize(TargetServer.LOGIN, Processes.check(List.of("ssh-keygen", "-y", "-f", privateKey("target_client_key").toString())).stdout());
        for (String server : List.of("web01", "db01")) {
            admin.put("/servers/" + server, "{\"port\":" + target.port() + ",\"hostKeys\":[" + Api.quote(target.hostKey()) + "]}").expect(200);
        }
        OpenSshClient alice = OpenSshClient.withKey(node.sshPort(), privateKey("alice_ed25519"));
        for (String server : List.of("web01", "db01")) {
            Processes.Result r = alice.ssh("alice@" + server, "echo upgraded-" + server);
            assertEquals(0, r.exitCode(), r.output());
            assertEquals("upgraded-" + server + "\n", r.stdout());
        }
        Processes.Result blocked = alice.ssh("alice@web01", "rm /tmp/shellguard-upgrade-nothing");
        assertTrue(blocked.stderr().contains("shellguard: blocked by policy"), "the old rule still blocks: " + blocked.output());

        // new data beside the old
        Provisioning provisioning = new Provisioning(admin, target);
        Provisioning.Access access = provisioning.access("upgraded");
        Processes.Result fresh = OpenSshClient.withKey(node.sshPort(), access.person().key()).ssh(access.person().name() + "@" + access.server(), "echo new");
        assertEquals(0, fresh.exitCode(), fresh.output());
        provisioning.awaitSession(access.person().name(), s -> Provisioning.has(s, "end"));
        long aliceSessions = admin.get("/sessions?user=alice&limit=1000").expect(200).array().size();
        long before = parse(Files.readString(FIXTURE.resolve(vendor).resolve("api/sessions_limit_1000.json"))).asJsonArray().stream()
                .filter(s -> "alice".equals(s.asJsonObject().getString("user", null))).count();
        assertTrue(aliceSessions >= before + 3, "alice's old sessions and her three new ones: " + aliceSessions + " of " + before + " before");
    }

    /** Whether {@code now} holds everything {@code before} did: every field of an object, every element of an array (anywhere in it). */
    private static void contains(JsonValue now, JsonValue before, String where, List<String> missing) {
        if (before instanceof JsonObject b) {
            if (!(now instanceof JsonObject n)) {
                missing.add(where + ": " + before + " is now " + now);
                return;
            }
            b.forEach((field, value) -> {
                if (!n.containsKey(field)) {
                    missing.add(where + "." + field + " is gone (was " + value + ")");
                } else {
                    contains(n.get(field), value, where + "." + field, missing);
                }
            });
        } else if (before instanceof JsonArray b) {
            if (!(now instanceof JsonArray n)) {
                missing.add(where + ": " + before + " is now " + now);
                return;
            }
            for (JsonValue element : b) {
                boolean found = n.stream().anyMatch(candidate -> {
                    List<String> m = new ArrayList<>();
                    contains(candidate, element, where, m);
                    return m.isEmpty();
                });
                if (!found) {
                    missing.add(where + ": no element like " + element);
                }
            }
        } else if (!before.equals(now)) {
            missing.add(where + " was " + before + ", is " + now);
        }
    }

    private static JsonValue parse(String json) {
        return Json.createReader(new StringReader(json)).readValue();
    }

    /** A private key of the fixture, copied where ssh accepts it (mode 0600). */
    private static Path privateKey(String name) {
        try {
            Path dir = Files.createTempDirectory("sg-upgrade-key");
            Path key = Files.copy(FIXTURE.resolve(name), dir.resolve(name));
            Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
            return key;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Puts the H2 database 0.1.0 wrote where the node keeps its own, as a restored backup would be. */
    private static void restoreH2(Path home, Path script) {
        try {
            Files.createDirectories(home.resolve("db"));
            org.h2.tools.RunScript.execute("jdbc:h2:file:" + home.resolve("db/shellguard"), "sa", "sa", script.toString(),
                    java.nio.charset.StandardCharsets.UTF_8, false);
        } catch (IOException | java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }
}

package com.shellguard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Password logins checked by a real OpenLDAP directory ({@link TestDirectory}, StartTLS with the test's own CA)
 * through a real gateway node to the real sshd: people the gateway has never seen log in with their directory
 * password, their directory groups carry the grants written for gateway groups (one mapped, one by the same name),
 * and the directory's changes count at the next login. The class has a node of its own, configured for the
 * directory as an operator would (scripts/run.sh's environment).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DirectoryLoginIT {

    private static final String MAPPED_GROUP = "Linux Admins";
    private static final String GATEWAY_GROUP = "linux-admins";
    private static final String SAME_NAME_GROUP = "dbas";
    private static final String ADMIN_GROUP = "ShellGuard Admins";

    private static TargetServer target;
    private static TestDirectory directory;
    private static GatewayNode node;
    private static Provisioning admin;
    private static String mappedServer;
    private static String sameNameServer;

    @BeforeAll
    static void start() {
        target = TargetServer.start();
        directory = TestDirectory.start();
        directory.addGroup(MAPPED_GROUP);
        directory.addGroup(SAME_NAME_GROUP);
        directory.addGroup(ADMIN_GROUP);
        Map<String, String> settings = new TreeMap<>(directory.gatewaySettings());
        settings.put("SHELLGUARD_LDAP_GROUP_MAP", MAPPED_GROUP + "=" + GATEWAY_GROUP);
        settings.put("SHELLGUARD_LDAP_ADMIN_GROUPS", ADMIN_GROUP);
        settings.put("SHELLGUARD_LDAP_KEY_CHECK_SECONDS", "2");
        settings.put("SHELLGUARD_LOCKOUT_ADDRESS_FAILURES", "200"); // every test comes from 127.0.0.1
        node = GatewayNode.start(settings);
        admin = new Provisioning(node.admin(), target);
        for (String group : List.of(GATEWAY_GROUP, SAME_NAME_GROUP)) {
            admin.admin.post("/groups", "{\"name\":" + Api.quote(group) + "}").expect(201);
        }
        mappedServer = admin.server("ldapmapped", false);
        sameNameServer = admin.server("ldapsame", false);
        admin.admin.post("/grants", "{\"group\":" + Api.quote(GATEWAY_GROUP) + ",\"server\":" + Api.quote(mappedServer)
                + ",\"logins\":[" + Api.quote(TargetServer.LOGIN) + "]}").expect(201);
        admin.admin.post("/grants", "{\"group\":" + Api.quote(SAME_NAME_GROUP) + ",\"server\":" + Api.quote(sameNameServer)
                + ",\"logins\":[" + Api.quote(TargetServer.LOGIN) + "]}").expect(201);
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable part : new AutoCloseable[] {node, directory, target}) {
            try {
                if (part != null) {
                    part.close();
                }
            } catch (Exception e) {
                e.printStackTrace();
            }
        }
    }

    /** A person only the directory knows, in these directory groups. */
    private record Person(String name, String password) {
    }

    private static Person directoryPerson(String prefix, String... groups) {
        Person person = new Person(Provisioning.unique(prefix), "Dir-" + UUID.randomUUID());
        directory.addPerson(person.name(), person.password(), false);
        for (String group : groups) {
            directory.addToGroup(group, person.name());
        }
        return person;
    }

    private static Processes.Result ssh(Person person, String password, String server, String command) {
        return OpenSshClient.withPassword(node.sshPort(), password).ssh(person.name() + "@" + server, command);
    }

    private static void assertRuns(Processes.Result r, String expected) {
        assertEquals(0, r.exitCode(), r.output());
        assertEquals(expected, r.stdout());
    }

    private static void assertRefused(Processes.Result r, String shown) {
        assertNotEquals(0, r.exitCode(), r.output());
        assertFalse(r.stdout().contains("should-not-run"), r.output());
        assertTrue(r.output().contains(shown), "the client is told \"" + shown + "\": " + r.output());
    }

    private static JsonObject user(Person person) {
        return admin.admin.get("/users/" + person.name()).expect(200).object();
    }

    private static boolean refusedWith(JsonObject event, String method, String reason) {
        return !event.getBoolean("success") && method.equals(event.getString("method", null)) && reason.equals(event.getString("reason", null));
    }

    @Test
    @Order(1)
    void aPersonOnlyTheDirectoryKnowsLogsInWithTheDirectoryPasswordAndTheGrantsOfTheirDirectoryGroupsApply() {
        Person dana = directoryPerson("dana", MAPPED_GROUP, SAME_NAME_GROUP);

        assertRuns(ssh(dana, dana.password(), mappedServer, "echo via-mapped-group"), "via-mapped-group\n");
        assertRuns(ssh(dana, dana.password(), sameNameServer, "echo via-same-name-group"), "via-same-name-group\n");

        JsonObject account = user(dana);
        assertTrue(account.getBoolean("directory"), account.toString());
        assertFalse(account.getBoolean("hasPassword"), "a directory account has no local password: " + account);
        assertEquals("USER", account.getString("role"));
        assertEquals(Set.of(SAME_NAME_GROUP, GATEWAY_GROUP), Set.copyOf(Provisioning.strings(account.getJsonArray("groups"))));
        admin.awaitAuthEvent(dana.name(), e -> e.getBoolean("success") && "PASSWORD".equals(e.getString("method", null)));
        assertEquals(400, admin.admin.put("/users/" + dana.name(), "{\"password\":\"a-local-password\"}").status(),
                "the directory alone holds a directory account's password");
    }

    @Test
    @Order(2)
    void movingThePersonOutOfTheDirectoryGroupTakesItsGrantAwayAtTheNextLogin() {
        Person erin = directoryPerson("erin", MAPPED_GROUP);
        assertRuns(ssh(erin, erin.password(), mappedServer, "echo before"), "before\n");

        directory.removeFromGroup(MAPPED_GROUP, erin.name());

        assertRefused(ssh(erin, erin.password(), mappedServer, "echo should-not-run"), erin.name() + " has no access to " + mappedServer);
        assertEquals(List.of(), Provisioning.strings(user(erin).getJsonArray("groups")));
    }

    @Test
    @Order(3)
    void aPersonDeletedInTheDirectoryCanNoLongerLogInByPasswordOrByARegisteredKey() {
        Person finn = directoryPerson("finn", MAPPED_GROUP);
        assertRuns(ssh(finn, finn.password(), mappedServer, "echo by-password"), "by-password\n");
        Path key = Provisioning.newKey(finn.name());
        admin.admin.put("/users/" + finn.name(), "{\"publicKeys\":[" + Api.quote(Provisioning.publicKey(key)) + "]}").expect(200);
        OpenSshClient keyClient = OpenSshClient.withKey(node.sshPort(), key);
        assertRuns(keyClient.ssh(finn.name() + "@" + mappedServer, "echo by-key"), "by-key\n");

        directory.deletePerson(finn.name());
        Processes.sleep(Duration.ofMillis(2_500)); // a key login may trust the directory's last answer for SHELLGUARD_LDAP_KEY_CHECK_SECONDS

        assertRefused(ssh(finn, finn.password(), mappedServer, "echo should-not-run"), "authentication failed for " + finn.name());
        admin.awaitAuthEvent(finn.name(), e -> refusedWith(e, "PASSWORD", "unknown user (not in the directory)"));
        Processes.Result byKey = keyClient.ssh(finn.name() + "@" + mappedServer, "echo should-not-run");
        assertNotEquals(0, byKey.exitCode(), "the registered key no longer opens the account: " + byKey.output());
        admin.awaitAuthEvent(finn.name(), e -> refusedWith(e, "PUBLICKEY", "removed from the directory"));
        JsonObject account = user(finn);
        assertEquals(List.of(), Provisioning.strings(account.getJsonArray("groups")), "the account keeps nothing the directory gave it");
    }

    @Test
    @Order(4)
    void aPersonTheDirectoryDisablesIsRefusedWithTheRightPassword() {
        Person gail = new Person(Provisioning.unique("gail"), "Dir-" + UUID.randomUUID());
        directory.addPerson(gail.name(), gail.password(), true);
        directory.addToGroup(MAPPED_GROUP, gail.name());

        assertRefused(ssh(gail, gail.password(), mappedServer, "echo should-not-run"), "authentication failed for " + gail.name());
        admin.awaitAuthEvent(gail.name(), e -> refusedWith(e, "PASSWORD", "disabled in the directory"));
    }

    @Test
    @Order(5)
    void wrongDirectoryPasswordsAreAuditedAndLockTheAccountLikeLocalOnes() {
        Person hal = directoryPerson("hal", MAPPED_GROUP);
        for (int i = 0; i < 5; i++) {
            assertRefused(ssh(hal, "not-" + hal.password(), mappedServer, "echo should-not-run"), "authentication failed for " + hal.name());
        }
        assertRefused(ssh(hal, hal.password(), mappedServer, "echo should-not-run"), "too many failed logins");
        admin.awaitAuthEvent(hal.name(), e -> refusedWith(e, "PASSWORD", "LOCKED"));
        long wrong = admin.admin.get("/audit/auth?user=" + hal.name()).expect(200).array().stream().map(v -> v.asJsonObject())
                .filter(e -> refusedWith(e, "PASSWORD", "wrong password (directory)")).count();
        assertEquals(5, wrong, "each wrong password is audited");

        admin.admin.post("/users/" + hal.name() + "/unlock", "").expect(204); // hal has no account yet: the directory has hal
        assertRuns(ssh(hal, hal.password(), mappedServer, "echo unlocked"), "unlocked\n");
    }

    @Test
    @Order(6)
    void aDirectoryAdminUsesTheRestApiAndTheConsoleWithTheDirectoryPasswordAndADirectoryUserDoesNot() {
        Person ivy = directoryPerson("ivy", ADMIN_GROUP);
        assertEquals(200, Api.basic(node.baseUrl(), ivy.name(), ivy.password()).get("/users").status());
        assertEquals("ADMIN", user(ivy).getString("role"));
        ConsoleLogin console = new ConsoleLogin(node.baseUrl());
        assertTrue(console.logIn(ivy.name(), ivy.password()));
        assertTrue(console.mayOpen("/console/users.xhtml"));

        Person jon = directoryPerson("jon", MAPPED_GROUP);
        Api.Response asUser = Api.basic(node.baseUrl(), jon.name(), jon.password()).get("/users");
        assertEquals(401, asUser.status(), asUser.body());
        ConsoleLogin jonsConsole = new ConsoleLogin(node.baseUrl());
        assertTrue(jonsConsole.logIn(jon.name(), jon.password()), "a directory USER has the page of their own access");
        assertEquals(200, jonsConsole.status("/console/my-access.xhtml"));
        assertEquals(403, jonsConsole.status("/console/users.xhtml"), "and nothing else of the console");

        assertEquals(401, Api.basic(node.baseUrl(), ivy.name(), "").get("/users").status(),
                "an empty password is never sent to the directory, where it would be an anonymous bind");
        admin.awaitAuthEvent(ivy.name(), e -> refusedWith(e, "API", "empty password"));
    }

    @Test
    @Order(7)
    void aLocalAccountIsNeverCheckedByTheDirectorySoTheDirectoryCannotTakeItOver() {
        directory.addPerson("admin", "Directory-admin-1", false);
        directory.addToGroup(ADMIN_GROUP, "admin");
        assertEquals(401, Api.basic(node.baseUrl(), "admin", "Directory-admin-1").get("/users").status());
        assertEquals(200, node.admin().get("/users").status(), "the local admin's own password still works");
    }

    @Test
    @Order(8)
    void aDirectoryCertificateFromAnotherCaRefusesTheLoginAsDirectoryUnavailable() throws IOException {
        Person kim = directoryPerson("kim", MAPPED_GROUP);
        Path saved = Files.copy(directory.caFile(), directory.caFile().resolveSibling("ca.saved"), StandardCopyOption.REPLACE_EXISTING);
        try {
            Files.copy(directory.foreignCa(), directory.caFile(), StandardCopyOption.REPLACE_EXISTING);
            assertRefused(ssh(kim, kim.password(), mappedServer, "echo should-not-run"), "the directory cannot be reached");
            admin.awaitAuthEvent(kim.name(), e -> refusedWith(e, "PASSWORD", "DIRECTORY_UNAVAILABLE"));
        } finally {
            Files.copy(saved, directory.caFile(), StandardCopyOption.REPLACE_EXISTING);
        }
        assertRuns(ssh(kim, kim.password(), mappedServer, "echo trusted-again"), "trusted-again\n");
    }

    @Test
    @Order(9)
    void aStoppedDirectoryRefusesEveryDoorClearlyWithoutCountingFailuresWhileLocalAccountsKeepWorking() {
        Person lou = directoryPerson("lou", MAPPED_GROUP, ADMIN_GROUP);
        directory.stop();
        try {
            for (int i = 0; i < 5; i++) {
                assertRefused(ssh(lou, lou.password(), mappedServer, "echo should-not-run"), "the directory cannot be reached to check " + lou.name());
            }
            admin.awaitAuthEvent(lou.name(), e -> refusedWith(e, "PASSWORD", "DIRECTORY_UNAVAILABLE"));
            Api.Response rest = Api.basic(node.baseUrl(), lou.name(), lou.password()).get("/users");
            assertEquals(503, rest.status(), rest.body());
            assertTrue(rest.body().contains("DIRECTORY_UNAVAILABLE"), rest.body());
            admin.awaitAuthEvent(lou.name(), e -> refusedWith(e, "API", "DIRECTORY_UNAVAILABLE"));
            assertFalse(new ConsoleLogin(node.baseUrl()).logIn(lou.name(), lou.password()));
            admin.awaitAuthEvent(lou.name(), e -> refusedWith(e, "CONSOLE", "DIRECTORY_UNAVAILABLE"));
            assertEquals(200, node.admin().get("/users").status(), "the local admin is the way in while the directory is down");
        } finally {
            directory.run();
        }
        assertRuns(ssh(lou, lou.password(), mappedServer, "echo back"), "back\n");
    }
}

package com.shellguard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bad input gets one clear line on the user's terminal and an audit row, never a hang: the client
 * exits (255, as ssh does when it cannot connect) within the command's own timeout.
 */
class GatewayRefusalsIT {

    private static Fixture fx;
    private static String server;

    @BeforeAll
    static void startGateway() {
        fx = Fixture.shared();
        server = fx.server("refuse", true);
    }

    @Test
    void aWrongPasswordIsRefusedWithAMessageAndAudited() {
        Fixture.Person amy = fx.personWithAccess("amy", server);
        Processes.Result r = fx.passwordClient("not-" + amy.password()).ssh(amy.name() + "@" + server, "true");
        assertEquals(255, r.exitCode(), r.output());
        assertTrue(r.stderr().contains("shellguard: authentication failed for " + amy.name()), r.stderr());
        JsonObject event = fx.awaitAuthEvent(amy.name(), e -> !e.getBoolean("success"));
        assertEquals("PASSWORD", event.getString("method"));
        assertTrue(event.getString("sourceAddress").startsWith("127.0.0.1"), event.toString());
    }

    @Test
    void anUnknownUserIsRefusedAndAudited() {
        String stranger = Fixture.unique("stranger");
        Path key = Fixture.newKey(stranger);
        Processes.Result r = OpenSshClient.withKey(fx.gateway.sshPort(), key).ssh(stranger + "@" + server, "true");
        assertEquals(255, r.exitCode(), r.output());
        assertTrue(r.stderr().contains("Permission denied"), r.stderr());
        JsonObject event = fx.awaitAuthEvent(stranger, e -> !e.getBoolean("success"));
        assertEquals("PUBLICKEY", event.getString("method"));
    }

    @Test
    void aKeyThatIsNotRegisteredIsRefused() {
        Fixture.Person ann = fx.personWithAccess("ann", server);
        Path otherKey = Fixture.newKey("other");
        Processes.Result r = OpenSshClient.withKey(fx.gateway.sshPort(), otherKey).ssh(ann.name() + "@" + server, "true");
        assertEquals(255, r.exitCode(), r.output());
        fx.awaitAuthEvent(ann.name(), e -> !e.getBoolean("success"));
    }

    @Test
    void anUnknownServerIsNamedInTheRefusal() {
        Fixture.Person ben = fx.person("ben");
        Processes.Result r = fx.keyClient(ben).ssh(ben.name() + "@nosuch-server", "true");
        assertEquals(255, r.exitCode(), r.output());
        assertTrue(r.stderr().contains("shellguard: unknown server nosuch-server"), r.stderr());
        JsonObject row = fx.awaitSession(ben.name(), s -> "REFUSED".equals(s.getString("status")));
        assertTrue(row.getString("message").contains("unknown server"), row.toString());
    }

    @Test
    void aUserWithoutAGrantIsRefused() {
        Fixture.Person cy = fx.person("cy");
        Processes.Result r = fx.keyClient(cy).ssh(cy.name() + "@" + server, "true");
        assertEquals(255, r.exitCode(), r.output());
        assertTrue(r.stderr().contains("shellguard: " + cy.name() + " has no access to " + server), r.stderr());
        fx.awaitSession(cy.name(), s -> "REFUSED".equals(s.getString("status")));
    }

    @Test
    void aLoginOutsideTheGrantIsRefused() {
        Fixture.Person dee = fx.personWithAccess("dee", server);
        Processes.Result r = fx.keyClient(dee).ssh(dee.name() + "@root@" + server, "true");
        assertEquals(255, r.exitCode(), r.output());
        assertTrue(r.stderr().contains("shellguard: " + dee.name() + " may not log in as root on " + server), r.stderr());
    }

    @Test
    void anUnreachableServerIsReportedAsSuch() {
        String name = Fixture.unique("down");
        int closedPort = Processes.freePort();
        fx.admin.post("/servers", "{\"name\":\"" + name + "\",\"host\":\"127.0.0.1\",\"port\":" + closedPort + "}").expect(201);
        fx.admin.post("/servers/" + name + "/accounts", "{\"login\":\"" + TargetServer.LOGIN + "\",\"password\":\"x\"}").expect(201);
        Fixture.Person eve = fx.personWithAccess("eve", name);
        Processes.Result r = fx.keyClient(eve).ssh(eve.name() + "@" + name, "true");
        assertEquals(255, r.exitCode(), r.output());
        assertTrue(r.stderr().contains("shellguard: server " + name + " (127.0.0.1:" + closedPort + ") is unreachable"), r.stderr());
        JsonObject row = fx.awaitSession(eve.name(), s -> "FAILED".equals(s.getString("status")));
        assertTrue(row.getString("message").contains("unreachable"), row.toString());
    }

    @Test
    void wrongStoredCredentialsAreReportedAsARefusedLogin() {
        String name = Fixture.unique("badcred");
        fx.admin.post("/servers", "{\"name\":\"" + name + "\",\"host\":\"127.0.0.1\",\"port\":" + fx.target.port()
                + ",\"hostKey\":\"" + fx.target.hostKey() + "\"}").expect(201);
        fx.admin.post("/servers/" + name + "/accounts", "{\"login\":\"" + TargetServer.LOGIN + "\",\"password\":\"wrong-password\"}").expect(201);
        Fixture.Person fin = fx.personWithAccess("fin", name);
        Processes.Result r = fx.keyClient(fin).ssh(fin.name() + "@" + name, "true");
        assertEquals(255, r.exitCode(), r.output());
        assertTrue(r.stderr().contains("refused login " + TargetServer.LOGIN + " with the stored credential"), r.stderr());
        fx.awaitSession(fin.name(), s -> "FAILED".equals(s.getString("status")));
    }

    @Test
    void aChangedHostKeyRefusesTheSessionBeforeAnyCredentialIsSent() {
        String name = Fixture.unique("mitm");
        String otherKey = Fixture.publicKey(Fixture.newKey("impostor")).split(" ")[0] + " "
                + Fixture.publicKey(Fixture.newKey("impostor")).split(" ")[1];
        fx.admin.post("/servers", "{\"name\":\"" + name + "\",\"host\":\"127.0.0.1\",\"port\":" + fx.target.port()
                + ",\"hostKey\":\"" + otherKey + "\"}").expect(201);
        fx.admin.post("/servers/" + name + "/accounts", "{\"login\":\"" + TargetServer.LOGIN + "\",\"privateKey\":"
                + Api.quote(fx.target.clientKey()) + "}").expect(201);
        Fixture.Person gil = fx.personWithAccess("gil", name);
        Processes.Result r = fx.keyClient(gil).ssh(gil.name() + "@" + name, "echo should-not-run");
        assertEquals(255, r.exitCode(), r.output());
        assertFalse(r.stdout().contains("should-not-run"));
        assertTrue(r.stderr().contains("shellguard: host key for server " + name + " has changed"), r.stderr());
        JsonObject row = fx.awaitSession(gil.name(), s -> "FAILED".equals(s.getString("status")));
        assertTrue(row.getString("message").contains("has changed"), row.toString());
        JsonObject stored = fx.admin.get("/servers/" + name).expect(200).object();
        assertEquals(otherKey, stored.getString("hostKey"), "a refused key must not replace the pinned one");
        JsonObject alert = fx.awaitAlert(row.getString("id"), a -> "HOST_KEY_CHANGED".equals(a.getString("kind")), "a HOST_KEY_CHANGED alert");
        assertEquals(gil.name(), alert.getString("user"), alert.toString());
    }

    @Test
    void anExecRequestWithoutAServerAsksTheUserToNameOne() {
        Fixture.Person hu = fx.personWithAccess("hu", server);
        Processes.Result r = fx.keyClient(hu).ssh(hu.name(), "true");
        assertEquals(255, r.exitCode(), r.output());
        assertTrue(r.stderr().contains("shellguard: name a server"), r.stderr());
    }

    @Test
    void aFirstSessionPinsEveryHostKeyTheServerProvesWithAnAlertAndTheTestConnectionThenMatches() {
        String name = fx.server("tofu", false);
        assertFalse(Fixture.has(fx.admin.get("/servers/" + name).expect(200).object(), "hostKey"));
        Fixture.Person ivy = fx.personWithAccess("ivy", name);
        Processes.Result r = fx.keyClient(ivy).ssh(ivy.name() + "@" + name, "echo first");
        assertEquals(0, r.exitCode(), r.output());
        JsonObject stored = fx.admin.get("/servers/" + name).expect(200).object();
        assertEquals(fx.target.hostKeys(), Set.copyOf(Fixture.strings(stored.getJsonArray("hostKeys"))), "rsa, ecdsa and ed25519: " + stored);
        assertEquals(fx.target.hostKey(), stored.getString("hostKey"), "the one-key field shows the ed25519 key");
        String session = fx.awaitSession(ivy.name(), s -> true).getString("id");
        JsonObject alert = fx.awaitAlert(session, a -> "HOST_KEY_PINNED".equals(a.getString("kind")), "a HOST_KEY_PINNED alert");
        assertEquals(name, alert.getString("server"), alert.toString());
        JsonObject check = fx.admin.post("/servers/" + name + "/check", "{}").expect(200).object();
        assertEquals("MATCHES", check.getString("status"), check.toString());
    }

    @Test
    void concurrentFirstSessionsPinTheServersKeysOnce() throws Exception {
        String name = fx.server("tofu-race", false);
        Fixture.Person jo = fx.personWithAccess("jo", name);
        List<CompletableFuture<Processes.Result>> sessions = IntStream.range(0, 3)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> fx.keyClient(jo).ssh(jo.name() + "@" + name, "echo " + i))).toList();
        for (CompletableFuture<Processes.Result> session : sessions) {
            assertEquals(0, session.get().exitCode(), session.get().output());
        }
        List<String> pinned = Fixture.strings(fx.admin.get("/servers/" + name).expect(200).object().getJsonArray("hostKeys"));
        assertEquals(fx.target.hostKeys(), Set.copyOf(pinned));
        assertEquals(3, pinned.size(), pinned.toString());
        long alerts = fx.admin.get("/audit/alerts?kind=HOST_KEY_PINNED&limit=1000").expect(200).array().stream()
                .filter(a -> name.equals(a.asJsonObject().getString("server", null))).count();
        assertEquals(1, alerts, "one first contact pinned, the others matched");
    }

    @Test
    void anAdminWhoPastesSshKeyscanEd25519OutputGetsWorkingSessions() {
        String name = Fixture.unique("keyscan");
        fx.admin.post("/servers", "{\"name\":\"" + name + "\",\"host\":\"127.0.0.1\",\"port\":" + fx.target.port()
                + ",\"hostKey\":" + Api.quote(fx.target.keyscan("ed25519")) + "}").expect(201);
        fx.account(name, TargetServer.LOGIN);
        Fixture.Person kai = fx.personWithAccess("kai", name);
        Processes.Result r = fx.keyClient(kai).ssh(kai.name() + "@" + name, "echo pasted");
        assertEquals(0, r.exitCode(), r.output());
        assertEquals("pasted\n", r.stdout());
        assertEquals(List.of(fx.target.hostKey()), Fixture.strings(fx.admin.get("/servers/" + name).expect(200).object().getJsonArray("hostKeys")),
                "the pasted key stays the only one pinned");
    }

    @Test
    void aServerWithOnlyAnEcdsaKeyIsPinnedOnFirstContactAndRefusedWithAnAlertWhenAnotherTypeIsPinned() {
        try (TargetServer ecdsaOnly = TargetServer.withHostKeys("ecdsa")) {
            String first = Fixture.unique("ecdsa-first");
            fx.admin.post("/servers", "{\"name\":\"" + first + "\",\"host\":\"127.0.0.1\",\"port\":" + ecdsaOnly.port() + "}").expect(201);
            fx.admin.post("/servers/" + first + "/accounts", "{\"login\":\"" + TargetServer.LOGIN + "\",\"password\":"
                    + Api.quote(TargetServer.PASSWORD) + "}").expect(201);
            Fixture.Person lu = fx.personWithAccess("lu", first);
            Processes.Result r = fx.keyClient(lu).ssh(lu.name() + "@" + first, "echo ecdsa");
            assertEquals(0, r.exitCode(), r.output());
            assertEquals(List.of(ecdsaOnly.hostKey()), Fixture.strings(fx.admin.get("/servers/" + first).expect(200).object().getJsonArray("hostKeys")));

            String pinnedElsewhere = Fixture.unique("ecdsa-changed");
            fx.admin.post("/servers", "{\"name\":\"" + pinnedElsewhere + "\",\"host\":\"127.0.0.1\",\"port\":" + ecdsaOnly.port()
                    + ",\"hostKey\":" + Api.quote(fx.target.hostKey()) + "}").expect(201);
            fx.admin.post("/servers/" + pinnedElsewhere + "/accounts", "{\"login\":\"" + TargetServer.LOGIN + "\",\"password\":"
                    + Api.quote(TargetServer.PASSWORD) + "}").expect(201);
            Fixture.Person mo = fx.personWithAccess("mo", pinnedElsewhere);
            Processes.Result refused = fx.keyClient(mo).ssh(mo.name() + "@" + pinnedElsewhere, "echo should-not-run");
            assertEquals(255, refused.exitCode(), refused.output());
            assertTrue(refused.stderr().contains("host key for server " + pinnedElsewhere + " has changed: it offers no key of the pinned type"),
                    refused.stderr());
            JsonObject row = fx.awaitSession(mo.name(), s -> "FAILED".equals(s.getString("status")));
            fx.awaitAlert(row.getString("id"), alert -> "HOST_KEY_CHANGED".equals(alert.getString("kind")),
                    "a HOST_KEY_CHANGED alert for a server that offers none of the pinned types");
            JsonObject check = fx.admin.post("/servers/" + pinnedElsewhere + "/check", "{}").expect(200).object();
            assertEquals("CHANGED", check.getString("status"), check.toString());
        }
    }

}

package com.shellguard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Password guessing on every door: five failures lock the account for SSH, the REST API and the console alike, a
 * lock is audited as {@code LOCKED} until an admin unlocks it, and too many failures from one address throttle it.
 * Every test here comes from 127.0.0.1, so the class has a node of its own (its failures would throttle the shared
 * node's address) with a per-address limit high enough for all but the last test, which drives the address over it.
 * The admin works through an API token, which the address throttle does not stop.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoginLockoutIT {

    private static final int ADDRESS_FAILURES = 60;

    private static TargetServer target;
    private static GatewayNode node;
    private static Provisioning admin;

    @BeforeAll
    static void startGateway() {
        target = TargetServer.start();
        node = GatewayNode.start(java.util.Map.of("SHELLGUARD_LOCKOUT_ADDRESS_FAILURES", String.valueOf(ADDRESS_FAILURES)));
        String token = node.admin().post("/tokens", "{\"name\":\"lockout-it\"}").expect(201).object().getString("token");
        admin = new Provisioning(Api.bearer(node.baseUrl(), token), target);
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
        if (target != null) {
            target.close();
        }
    }

    private static OpenSshClient passwordClient(String password) {
        return OpenSshClient.withPassword(node.sshPort(), password);
    }

    private static boolean refusedWith(JsonObject event, String method, String reason) {
        return !event.getBoolean("success") && method.equals(event.getString("method", null)) && reason.equals(event.getString("reason", null));
    }

    @Test
    void fiveWrongSshPasswordsLockTheAccountSoTheRightOneIsRefusedAsLockedUntilAnAdminUnlocksIt() {
        Provisioning.Access access = admin.access("guessed");
        String name = access.person().name();
        String destination = name + "@" + access.server();
        for (int i = 0; i < 5; i++) {
            Processes.Result wrong = passwordClient("not-" + access.person().password()).ssh(destination, "true");
            assertNotEquals(0, wrong.exitCode(), wrong.output());
        }
        Processes.Result right = passwordClient(access.person().password()).ssh(destination, "echo should-not-run");
        assertNotEquals(0, right.exitCode(), right.output());
        assertFalse(right.stdout().contains("should-not-run"), right.output());
        assertTrue(right.output().contains("too many failed logins"), right.output());
        admin.awaitAuthEvent(name, e -> refusedWith(e, "PASSWORD", "LOCKED"));

        Processes.Result key = OpenSshClient.withKey(node.sshPort(), access.person().key()).ssh(destination, "echo should-not-run");
        assertNotEquals(0, key.exitCode(), "a locked account is refused whatever the credential: " + key.output());

        admin.admin.post("/users/" + name + "/unlock", "").expect(204);
        Processes.Result unlocked = passwordClient(access.person().password()).ssh(destination, "echo unlocked-ok");
        assertEquals(0, unlocked.exitCode(), unlocked.output());
        assertEquals("unlocked-ok\n", unlocked.stdout());
    }

    @Test
    void restBasicGuessingLocksTheAccountAndEveryRefusalIsAudited() {
        Provisioning.Person ada = admin.person("ada", "AUDITOR");
        Api wrong = Api.basic(node.baseUrl(), ada.name(), "not-" + ada.password());
        Api right = Api.basic(node.baseUrl(), ada.name(), ada.password());
        assertEquals(200, right.get("/users").status(), "the auditor reads before the guessing");
        Api.Response refused = null;
        for (int i = 0; i < 5; i++) {
            refused = wrong.get("/users");
            assertEquals(401, refused.status(), refused.body());
        }
        Api.Response locked = right.get("/users");
        assertEquals(401, locked.status(), "the right password is refused once the account is locked: " + locked.body());
        assertEquals(refused.body(), locked.body(), "a locked account is answered like a wrong password");
        long wrongRows = admin.admin.get("/audit/auth?user=" + ada.name()).expect(200).array().stream().map(v -> v.asJsonObject())
                .filter(e -> refusedWith(e, "API", "wrong password")).count();
        assertEquals(5, wrongRows, "each wrong password is audited");
        admin.awaitAuthEvent(ada.name(), e -> refusedWith(e, "API", "LOCKED"));

        admin.admin.post("/users/" + ada.name() + "/unlock", "").expect(204);
        assertEquals(200, right.get("/users").status());
    }

    @Test
    void guessesSentAllAtOnceGetNoMorePasswordsCheckedThanGuessesSentOneByOne() throws Exception {
        Provisioning.Person bea = admin.person("bea", "AUDITOR");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(20);
        try {
            java.util.List<java.util.concurrent.Future<Integer>> guesses = new java.util.ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String guess = "guess-" + i + "-" + bea.password();
                guesses.add(pool.submit(() -> Api.basic(node.baseUrl(), bea.name(), guess).get("/users").status()));
            }
            for (java.util.concurrent.Future<Integer> guess : guesses) {
                assertEquals(401, guess.get());
            }
        } finally {
            pool.shutdownNow();
        }
        admin.awaitAuthEvent(bea.name(), e -> refusedWith(e, "API", "LOCKED"));
        long checked = admin.admin.get("/audit/auth?user=" + bea.name() + "&limit=100").expect(200).array().stream()
                .map(v -> v.asJsonObject()).filter(e -> refusedWith(e, "API", "wrong password")).count();
        assertEquals(5, checked, "only the guesses before the lock had their password checked");
        admin.admin.post("/users/" + bea.name() + "/unlock", "").expect(204);
    }

    @Test
    void anUnknownNameIsLockedOutLikeAnAccountSoTheLockTellsNothing() {
        String stranger = Provisioning.unique("nobody");
        Api guess = Api.basic(node.baseUrl(), stranger, "some-guess");
        for (int i = 0; i < 5; i++) {
            assertEquals(401, guess.get("/users").status());
        }
        admin.awaitAuthEvent(stranger, e -> refusedWith(e, "API", "unknown user"));
        assertEquals(401, guess.get("/users").status());
        admin.awaitAuthEvent(stranger, e -> refusedWith(e, "API", "LOCKED"));
        assertEquals(404, admin.admin.post("/users/" + stranger + "/unlock", "").status(), "an admin unlocks accounts, not names");
    }

    @Test
    void consoleGuessingLocksTheAccountForTheConsoleToo() {
        Provisioning.Person ann = admin.person("ann", "ADMIN");
        for (int i = 0; i < 5; i++) {
            assertFalse(new ConsoleLogin(node.baseUrl()).logIn(ann.name(), "not-" + ann.password()));
        }
        assertFalse(new ConsoleLogin(node.baseUrl()).logIn(ann.name(), ann.password()), "the right password is refused while locked");
        admin.awaitAuthEvent(ann.name(), e -> refusedWith(e, "CONSOLE", "LOCKED"));
        admin.admin.post("/users/" + ann.name() + "/unlock", "").expect(204);
        assertTrue(new ConsoleLogin(node.baseUrl()).logIn(ann.name(), ann.password()));
    }

    @Test
    void aDemotedOrDisabledAdminLosesTheConsoleSessionAtItsNextRequest() throws InterruptedException {
        Provisioning.Person demoted = admin.person("demoted", "ADMIN");
        Provisioning.Person disabled = admin.person("disabled", "ADMIN");
        ConsoleLogin demotedSession = new ConsoleLogin(node.baseUrl());
        ConsoleLogin disabledSession = new ConsoleLogin(node.baseUrl());
        assertTrue(demotedSession.logIn(demoted.name(), demoted.password()));
        assertTrue(disabledSession.logIn(disabled.name(), disabled.password()));
        assertTrue(demotedSession.mayOpen("/console/users.xhtml"));
        assertTrue(disabledSession.mayOpen("/console/users.xhtml"));

        admin.admin.put("/users/" + demoted.name(), "{\"role\":\"AUDITOR\"}").expect(200);
        admin.admin.put("/users/" + disabled.name(), "{\"enabled\":false}").expect(200);
        Thread.sleep(1_500); // the console may trust what it read of an account for a second

        assertFalse(demotedSession.mayOpen("/console/users.xhtml"), "the demoted admin's session ends");
        assertFalse(demotedSession.mayOpen("/console/dashboard.xhtml"), "and stays ended");
        assertFalse(disabledSession.mayOpen("/console/dashboard.xhtml"), "the disabled admin's session ends");
        ConsoleLogin again = new ConsoleLogin(node.baseUrl());
        assertTrue(again.logIn(demoted.name(), demoted.password()), "the demoted account logs in again as an auditor");
        assertTrue(again.mayOpen("/console/dashboard.xhtml"));
    }

    @Test
    @Order(Integer.MAX_VALUE) // it throttles 127.0.0.1, the address of every other test
    void tooManyFailuresFromOneAddressThrottleItWhateverTheNames() {
        Provisioning.Person ivo = admin.person("ivo", "AUDITOR");
        String throttledName = null;
        for (int i = 0; i <= ADDRESS_FAILURES && throttledName == null; i++) {
            String name = Provisioning.unique("spray");
            assertEquals(401, Api.basic(node.baseUrl(), name, "guess").get("/users").status());
            JsonObject event = admin.awaitAuthEvent(name, e -> !e.getBoolean("success"));
            if ("THROTTLED".equals(event.getString("reason", null))) {
                throttledName = name;
            }
        }
        assertTrue(throttledName != null, "one address guessing one password for each of " + ADDRESS_FAILURES + " names is throttled");
        assertEquals(401, Api.basic(node.baseUrl(), ivo.name(), ivo.password()).get("/users").status(),
                "a right password from a throttled address is refused too");
        admin.awaitAuthEvent(ivo.name(), e -> refusedWith(e, "API", "THROTTLED"));
    }
}

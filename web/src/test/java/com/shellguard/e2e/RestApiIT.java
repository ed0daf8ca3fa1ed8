package com.shellguard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The admin REST API as IAM systems and admins use it: who may call it, and what bad input gets back. */
class RestApiIT {

    private static Fixture fx;

    @BeforeAll
    static void startGateway() {
        fx = Fixture.shared();
    }

    @Test
    void aRequestWithoutCredentialsGets401WithABasicChallenge() {
        Api.Response r = Api.anonymous(fx.gateway.baseUrl()).get("/users");
        assertEquals(401, r.status(), r.body());
        assertTrue(r.body().contains("error"), r.body());
    }

    @Test
    void aWrongAdminPasswordGets401() {
        assertEquals(401, Api.basic(fx.gateway.baseUrl(), "admin", "wrong").get("/users").status());
    }

    @Test
    void theRightPasswordOfAnAccountWithoutAnApiRoleGetsTheAnswerOfAWrongOneAndIsAuditedAsWhatItWas() {
        Fixture.Person joe = fx.person("joe");
        Api.Response right = Api.basic(fx.gateway.baseUrl(), joe.name(), joe.password()).get("/users");
        Api.Response wrong = Api.basic(fx.gateway.baseUrl(), joe.name(), "not-" + joe.password()).get("/users");
        assertEquals(401, right.status(), right.body());
        assertEquals(wrong.status(), right.status());
        assertEquals(wrong.body(), right.body());
        assertEquals(wrong.header("WWW-Authenticate"), right.header("WWW-Authenticate"));
        JsonObject event = fx.awaitAuthEvent(joe.name(), e -> "API".equals(e.getString("method", null))
                && e.getString("reason", "").contains("right password"));
        assertFalse(event.getBoolean("success"));
        fx.awaitAuthEvent(joe.name(), e -> "API".equals(e.getString("method", null)) && "wrong password".equals(e.getString("reason", null)));
    }

    @Test
    void anAuditorMayReadButGets403ForAChange() {
        Fixture.Person ada = fx.person("ada", "AUDITOR");
        Api asAda = Api.basic(fx.gateway.baseUrl(), ada.name(), ada.password());
        assertEquals(200, asAda.get("/users").status());
        assertEquals(403, asAda.post("/servers", "{\"name\":\"x\",\"host\":\"127.0.0.1\"}").status());
    }

    @Test
    void malformedJsonGets400WithAMessage() {
        Api.Response r = fx.admin.post("/users", "{\"username\": ");
        assertEquals(400, r.status(), r.body());
        assertTrue(r.object().getString("error").length() > 0);
    }

    @Test
    void invalidInputGets400NamingTheProblem() {
        Api.Response noName = fx.admin.post("/users", "{\"password\":\"x\"}");
        assertEquals(400, noName.status(), noName.body());
        assertTrue(noName.object().getString("error").contains("username"), noName.body());

        Api.Response badKey = fx.admin.post("/users", "{\"username\":\"" + Fixture.unique("k") + "\",\"publicKeys\":[\"ssh-ed25519 notbase64!!\"]}");
        assertEquals(400, badKey.status(), badKey.body());
        assertTrue(badKey.object().getString("error").contains("publicKeys"), badKey.body());

        Api.Response badPort = fx.admin.post("/servers", "{\"name\":\"" + Fixture.unique("p") + "\",\"host\":\"127.0.0.1\",\"port\":70000}");
        assertEquals(400, badPort.status(), badPort.body());
        assertTrue(badPort.object().getString("error").contains("port"), badPort.body());

        Api.Response badGrant = fx.admin.post("/grants", "{\"user\":\"nobody-at-all\",\"server\":\"nowhere\",\"logins\":[]}");
        assertTrue(badGrant.status() == 400 || badGrant.status() == 404, badGrant.body());
    }

    @Test
    void aDuplicateUserGets409() {
        Fixture.Person kim = fx.person("kim");
        assertEquals(409, fx.admin.post("/users", "{\"username\":\"" + kim.name() + "\",\"password\":\"x\"}").status());
    }

    @Test
    void storedCredentialsAreNeverReturned() {
        String server = fx.server("secret", true);
        String body = fx.admin.get("/servers/" + server + "/accounts").expect(200).body();
        assertTrue(body.contains(TargetServer.LOGIN), body);
        assertFalse(body.contains("PRIVATE KEY"), body);
        assertFalse(body.contains("privateKey"), body);
        String one = fx.admin.get("/servers/" + server + "/accounts/" + TargetServer.LOGIN).expect(200).body();
        assertFalse(one.contains("PRIVATE KEY"), one);
        fx.admin.post("/servers/" + server + "/accounts", "{\"login\":\"deploy\",\"password\":\"hunter2-secret\"}").expect(201);
        assertFalse(fx.admin.get("/servers/" + server + "/accounts").body().contains("hunter2-secret"));
        Fixture.Person kit = fx.person("kit");
        assertFalse(fx.admin.get("/users/" + kit.name()).body().contains(kit.password()));
    }

    @Test
    void anApiTokenActsAsItsOwnerUntilDeleted() {
        JsonObject created = fx.admin.post("/tokens", "{\"name\":\"siem\"}").expect(201).object();
        String token = created.getString("token");
        assertTrue(token.startsWith("sgt_"), token);
        Api withToken = Api.bearer(fx.gateway.baseUrl(), token);
        assertEquals(200, withToken.get("/sessions").status());
        assertFalse(fx.admin.get("/tokens").body().contains(token), "a token is shown only once");
        fx.admin.delete("/tokens/" + created.getString("id")).expect(204);
        assertEquals(401, withToken.get("/sessions").status());
    }

    @Test
    void aTokenWithoutScopesIsAnAdminTokenThatNeverExpiresAndShowsItsLastUse() {
        JsonObject created = fx.admin.post("/tokens", "{\"name\":\"legacy\"}").expect(201).object();
        assertEquals(List.of("admin"), Fixture.strings(created.getJsonArray("scopes")));
        assertFalse(Fixture.has(created, "expires"), created.toString());
        Api.bearer(fx.gateway.baseUrl(), created.getString("token")).get("/sessions").expect(200);
        JsonObject listed = fx.admin.get("/tokens").expect(200).array().stream().map(v -> (JsonObject) v)
                .filter(t -> t.getString("id").equals(created.getString("id"))).findFirst().orElseThrow();
        assertTrue(Fixture.has(listed, "lastUsed"), listed.toString());
        assertEquals("127.0.0.1", listed.getString("lastUsedFrom"), listed.toString());
    }

    @Test
    void aReadTokenMayReadButGets403ForAChange() {
        String token = fx.admin.post("/tokens", "{\"name\":\"reader\",\"scopes\":[\"read\"]}").expect(201).object().getString("token");
        Api reader = Api.bearer(fx.gateway.baseUrl(), token);
        reader.get("/users").expect(200);
        Api.Response post = reader.post("/users", "{\"username\":" + Api.quote(Fixture.unique("nope")) + "}");
        assertEquals(403, post.status(), post.body());
        assertTrue(post.object().getString("error").contains("read"), post.body());
    }

    @Test
    void aScimTokenCannotCallTheAdminApi() {
        String token = fx.admin.post("/tokens", "{\"name\":\"idp\",\"scopes\":[\"scim\"]}").expect(201).object().getString("token");
        Api.Response r = Api.bearer(fx.gateway.baseUrl(), token).get("/users");
        assertEquals(403, r.status(), r.body());
        assertTrue(r.object().getString("error").contains("scim"), r.body());
    }

    @Test
    void aRequestsTokenReachesOnlyTheAccessRequestEndpoints() {
        String token = fx.admin.post("/tokens", "{\"name\":\"approver\",\"scopes\":[\"requests\"]}").expect(201).object().getString("token");
        Api requests = Api.bearer(fx.gateway.baseUrl(), token);
        assertEquals(403, requests.get("/users").status());
        assertTrue(requests.get("/access-requests").status() != 403, "the requests scope is refused its own endpoints");
    }

    @Test
    void anExpiredTokenGets401LikeAnUnknownOne() {
        Instant expires = Instant.now().plusSeconds(2);
        JsonObject created = fx.admin.post("/tokens", "{\"name\":\"brief\",\"scopes\":[\"read\"],\"expires\":" + Api.quote(expires.toString()) + "}")
                .expect(201).object();
        assertEquals(expires, Instant.parse(created.getString("expires")));
        Api brief = Api.bearer(fx.gateway.baseUrl(), created.getString("token"));
        while (Instant.now().isBefore(expires.plusMillis(200))) {
            Processes.sleep(Duration.ofMillis(200));
        }
        Api.Response r = brief.get("/users");
        assertEquals(401, r.status(), r.body());
        assertEquals(Api.anonymous(fx.gateway.baseUrl()).get("/users").body(), r.body());
        fx.awaitAuthEvent("admin", e -> e.getString("reason", "").contains("expired"));
    }

    @Test
    void aTokenWithAnUnknownScopeOrAPastExpiryIsRefusedWithA400() {
        Api.Response scope = fx.admin.post("/tokens", "{\"name\":\"x\",\"scopes\":[\"root\"]}");
        assertEquals(400, scope.status(), scope.body());
        assertTrue(scope.object().getString("error").contains("root"), scope.body());
        Api.Response past = fx.admin.post("/tokens", "{\"name\":\"x\",\"expires\":\"2020-01-01T00:00:00Z\"}");
        assertEquals(400, past.status(), past.body());
        Api.Response junk = fx.admin.post("/tokens", "{\"name\":\"x\",\"expires\":\"tomorrow\"}");
        assertEquals(400, junk.status(), junk.body());
        assertTrue(junk.object().getString("error").contains("expires"), junk.body());
    }

    @Test
    void resourcesCanBeReadChangedAndDeleted() {
        String name = Fixture.unique("crud");
        fx.admin.post("/servers", "{\"name\":\"" + name + "\",\"host\":\"127.0.0.1\",\"port\":22,\"labels\":[\"prod\"]}").expect(201);
        JsonObject read = fx.admin.get("/servers/" + name).expect(200).object();
        assertEquals(22, read.getInt("port"));
        fx.admin.put("/servers/" + name, "{\"name\":\"" + name + "\",\"host\":\"127.0.0.2\",\"port\":2200,\"labels\":[\"prod\"]}").expect(200);
        assertEquals(2200, fx.admin.get("/servers/" + name).expect(200).object().getInt("port"));
        fx.admin.delete("/servers/" + name).expect(204);
        assertEquals(404, fx.admin.get("/servers/" + name).status());
    }

    @Test
    void testingAServerComparesTheHostKeyItProvesWithThePinnedOne() {
        String pinned = fx.server("chk", true);
        JsonObject matches = fx.admin.post("/servers/" + pinned + "/check", "{}").expect(200).object();
        assertEquals("MATCHES", matches.getString("status"), matches.toString());
        assertTrue(matches.getString("serverVersion").startsWith("SSH-2.0-OpenSSH"), matches.toString());

        String impostor = Fixture.unique("chk-other");
        fx.admin.post("/servers", "{\"name\":\"" + impostor + "\",\"host\":\"127.0.0.1\",\"port\":" + fx.target.port()
                + ",\"hostKey\":" + Api.quote(Fixture.publicKey(Fixture.newKey("not-the-host"))) + "}").expect(201);
        JsonObject changed = fx.admin.post("/servers/" + impostor + "/check", "{}").expect(200).object();
        assertEquals("CHANGED", changed.getString("status"), changed.toString());
        assertTrue(changed.getString("message").contains(changed.getString("hostKeyFingerprint")), changed.toString());

        String closed = Fixture.unique("chk-closed");
        fx.admin.post("/servers", "{\"name\":\"" + closed + "\",\"host\":\"127.0.0.1\",\"port\":" + Processes.freePort() + "}").expect(201);
        assertEquals("UNREACHABLE", fx.admin.post("/servers/" + closed + "/check", "{}").expect(200).object().getString("status"));
        assertFalse(Fixture.has(fx.admin.get("/servers/" + closed).expect(200).object(), "hostKey"), "a test pins nothing");

        String unpinned = fx.server("chk-new", false);
        JsonObject notPinned = fx.admin.post("/servers/" + unpinned + "/check", "{}").expect(200).object();
        assertEquals("NOT_PINNED", notPinned.getString("status"), notPinned.toString());
        assertEquals(fx.target.hostKeys(), Set.copyOf(Fixture.strings(notPinned.getJsonArray("hostKeys"))), "every key the server proves");
        assertFalse(Fixture.has(fx.admin.get("/servers/" + unpinned).expect(200).object(), "hostKey"), "a test pins nothing");
    }

    @Test
    void theTestConnectionReachesAServerWithoutCurve25519AsSessionsDo() {
        try (TargetServer noCurve = TargetServer.start(List.of("KexAlgorithms ecdh-sha2-nistp256,diffie-hellman-group14-sha256"))) {
            String name = Fixture.unique("no-curve");
            fx.admin.post("/servers", "{\"name\":\"" + name + "\",\"host\":\"127.0.0.1\",\"port\":" + noCurve.port()
                    + ",\"hostKey\":" + Api.quote(noCurve.hostKey()) + "}").expect(201);
            JsonObject check = fx.admin.post("/servers/" + name + "/check", "{}").expect(200).object();
            assertEquals("MATCHES", check.getString("status"), check.toString());
        }
    }

    @Test
    void hostKeysAreAListOfKeysOrSshKeyscanLinesAndReplaceThePinnedOnes() {
        String name = Fixture.unique("keys");
        List<String> lines = fx.target.keyscan("rsa,ecdsa").lines().filter(l -> !l.startsWith("#")).toList();
        fx.admin.post("/servers", "{\"name\":\"" + name + "\",\"host\":\"127.0.0.1\",\"port\":" + fx.target.port()
                + ",\"hostKeys\":[" + String.join(",", lines.stream().map(Api::quote).toList()) + "]}").expect(201);
        JsonObject stored = fx.admin.get("/servers/" + name).expect(200).object();
        assertEquals(Set.of(fx.target.hostKey("rsa"), fx.target.hostKey("ecdsa")), Set.copyOf(Fixture.strings(stored.getJsonArray("hostKeys"))));
        assertEquals(2, stored.getJsonArray("pinnedHostKeys").size(), stored.toString());
        assertTrue(stored.getJsonArray("pinnedHostKeys").getJsonObject(0).getString("fingerprint").startsWith("SHA256:"), stored.toString());

        fx.admin.put("/servers/" + name, "{\"hostKey\":" + Api.quote(fx.target.hostKey()) + "}").expect(200);
        assertEquals(List.of(fx.target.hostKey()), Fixture.strings(fx.admin.get("/servers/" + name).expect(200).object().getJsonArray("hostKeys")));
        fx.admin.put("/servers/" + name, "{\"hostKeys\":[]}").expect(200);
        assertFalse(Fixture.has(fx.admin.get("/servers/" + name).expect(200).object(), "hostKey"), "an empty list forgets the keys");

        Api.Response bad = fx.admin.put("/servers/" + name, "{\"hostKeys\":[" + Api.quote(fx.target.hostKey()) + ",\"web01 ssh-ed25519 AAAA\"]}");
        assertEquals(400, bad.status(), bad.body());
        assertTrue(bad.object().getString("error").startsWith("hostKeys[1] is not an OpenSSH host key"), bad.body());
        Api.Response both = fx.admin.put("/servers/" + name, "{\"hostKey\":" + Api.quote(fx.target.hostKey()) + ",\"hostKeys\":[]}");
        assertEquals(400, both.status(), both.body());
    }

    @Test
    void aPrivateKeyProtectedByAPassphraseIsRefusedWhenStored() {
        String server = fx.server("passphrase", true);
        Path key = Fixture.newKey("protected");
        Processes.check(List.of("ssh-keygen", "-q", "-p", "-P", "", "-N", "secret-words", "-f", key.toString()));
        Api.Response r;
        try {
            r = fx.admin.post("/servers/" + server + "/accounts", "{\"login\":\"deploy\",\"privateKey\":"
                    + Api.quote(Files.readString(key)) + "}");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertEquals(400, r.status(), r.body());
        assertTrue(r.object().getString("error").contains("protected by a passphrase"), r.body());
        Api.Response broken = fx.admin.post("/servers/" + server + "/accounts", "{\"login\":\"deploy\",\"privateKey\":"
                + Api.quote("-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n-----END OPENSSH PRIVATE KEY-----\n") + "}");
        assertEquals(400, broken.status(), broken.body());
        assertTrue(broken.object().getString("error").contains("cannot be read"), broken.body());
        assertEquals(404, fx.admin.get("/servers/" + server + "/accounts/deploy").status(), "nothing was stored");
    }


    @Test
    void aGrantByGroupAndLabelGivesAccessToItsMembers() {
        String server = Fixture.unique("lbl");
        fx.admin.post("/servers", "{\"name\":\"" + server + "\",\"host\":\"127.0.0.1\",\"port\":" + fx.target.port()
                + ",\"hostKey\":" + Api.quote(fx.target.hostKey()) + ",\"labels\":[\"" + server + "-label\"]}").expect(201);
        fx.admin.post("/servers/" + server + "/accounts", "{\"login\":\"" + TargetServer.LOGIN + "\",\"privateKey\":"
                + Api.quote(fx.target.clientKey()) + "}").expect(201);
        Fixture.Person lee = fx.person("lee");
        String group = Fixture.unique("ops");
        fx.admin.post("/groups", "{\"name\":\"" + group + "\",\"members\":[\"" + lee.name() + "\"]}").expect(201);
        fx.admin.post("/grants", "{\"group\":\"" + group + "\",\"label\":\"" + server + "-label\",\"logins\":[\""
                + TargetServer.LOGIN + "\"]}").expect(201);
        Processes.Result r = fx.keyClient(lee).ssh(lee.name() + "@" + server, "echo via-group");
        assertEquals(0, r.exitCode(), r.output());
        assertEquals("via-group\n", r.stdout());
    }
}

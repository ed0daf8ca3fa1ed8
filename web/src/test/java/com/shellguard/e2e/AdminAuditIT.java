package com.shellguard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The admin audit and the alerts page against a real gateway node: changes made with the REST API (HTTP Basic and an
 * API token, as curl sends them) and in the console (a real headless Chromium) read back from
 * {@code GET /api/v1/audit/admin} with who, from where, and the fields before and after, and never a password, a
 * private key or a TOTP seed; an alert raised by a real ssh session listed on the console's alerts page, linked to its
 * session and its command, and counted on the dashboard.
 */
class AdminAuditIT {

    private static Fixture fx;
    private static Browser browser;
    private static Fixture.Person consoleAdmin;

    @BeforeAll
    static void start() {
        fx = Fixture.shared();
        consoleAdmin = fx.person("console-admin", "ADMIN");
        browser = Browser.open(fx.gateway.baseUrl()).logIn(consoleAdmin.name(), consoleAdmin.password());
        assertEquals("/console/dashboard.xhtml", browser.path());
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    private static List<JsonObject> changes(String query) {
        return fx.admin.get("/audit/admin?" + query).expect(200).array().stream().map(JsonValue::asJsonObject).toList();
    }

    private static JsonObject change(String kind, String resource, String action) {
        Optional<JsonObject> found = changes("kind=" + kind + "&resource=" + resource).stream()
                .filter(c -> action.equals(c.getString("action"))).findFirst();
        return found.orElseThrow(() -> new AssertionError("no " + action + " of " + kind + " " + resource + " in the admin audit: "
                + changes("kind=" + kind + "&resource=" + resource)));
    }

    @Test
    void aUsersCreationAndPasswordChangeAreRecordedWithTheirFieldsAndThePasswordOnlyAsChanged() {
        String name = Fixture.unique("audited");
        String first = "First-secret-" + name;
        String second = "Second-secret-" + name;
        fx.admin.post("/users", "{\"username\":" + Api.quote(name) + ",\"password\":" + Api.quote(first) + "}").expect(201);
        fx.admin.put("/users/" + name, "{\"password\":" + Api.quote(second) + ",\"role\":\"AUDITOR\"}").expect(200);
        fx.admin.put("/users/" + name, "{\"enabled\":false}").expect(200);

        JsonObject created = change("user", name, "create");
        assertEquals("admin", created.getString("user"));
        assertTrue(created.isNull("token"), created.toString());
        assertEquals("API", created.getString("channel"));
        assertTrue(created.getString("sourceAddress").startsWith("127.0.0.1:"), created.toString());
        assertTrue(created.isNull("before"), created.toString());
        assertEquals("set", created.getJsonObject("after").getString("password"));
        assertEquals("USER", created.getJsonObject("after").getString("role"));

        JsonObject changed = changes("kind=user&resource=" + name + "&action=update").stream()
                .filter(c -> Fixture.strings(c.getJsonArray("changed")).contains("password")).findFirst().orElseThrow();
        assertEquals("set", changed.getJsonObject("before").getString("password"));
        assertEquals("changed", changed.getJsonObject("after").getString("password"));
        assertEquals("USER", changed.getJsonObject("before").getString("role"));
        assertEquals("AUDITOR", changed.getJsonObject("after").getString("role"));
        assertEquals(List.of("role", "password"), Fixture.strings(changed.getJsonArray("changed")));

        JsonObject disabled = changes("kind=user&resource=" + name + "&action=update").get(0);
        assertEquals("unchanged", disabled.getJsonObject("after").getString("password"), "newest first: the last change");
        assertEquals(List.of("enabled"), Fixture.strings(disabled.getJsonArray("changed")));

        String everything = fx.admin.get("/audit/admin?user=admin&limit=1000").expect(200).body();
        assertFalse(everything.contains(first) || everything.contains(second), "a password in the admin audit");
        assertFalse(everything.contains("pbkdf2") || everything.contains("PBKDF2"), "a password hash in the admin audit");

        fx.admin.delete("/users/" + name).expect(204);
        JsonObject deleted = change("user", name, "delete");
        assertTrue(deleted.isNull("after"), deleted.toString());
        assertEquals("AUDITOR", deleted.getJsonObject("before").getString("role"));
    }

    @Test
    void changesMadeWithATokenNameTheTokenAndAStoredPrivateKeyNeverAppears() {
        String tokenName = Fixture.unique("ci-token");
        String token = fx.admin.post("/tokens", "{\"name\":" + Api.quote(tokenName) + "}").expect(201).object().getString("token");
        Api ci = Api.bearer(fx.gateway.baseUrl(), token);
        JsonObject issued = changes("kind=token&action=issue").stream()
                .filter(c -> tokenName.equals(c.getJsonObject("after").getString("name"))).findFirst().orElseThrow();
        assertEquals("admin", issued.getJsonObject("after").getString("owner"));

        String server = Fixture.unique("audited-srv");
        ci.post("/servers", "{\"name\":" + Api.quote(server) + ",\"host\":\"127.0.0.1\",\"port\":22,\"labels\":[\"web\"]}").expect(201);
        ci.put("/servers/" + server, "{\"port\":2022,\"hostKey\":" + Api.quote(fx.target.hostKey()) + "}").expect(200);
        ci.post("/servers/" + server + "/accounts", "{\"login\":\"deploy\",\"privateKey\":" + Api.quote(fx.target.clientKey()) + "}")
                .expect(201);
        ci.put("/servers/" + server + "/accounts/deploy", "{\"password\":\"Account-secret-1\"}").expect(200);

        JsonObject serverChange = change("server", server, "update");
        assertEquals("admin", serverChange.getString("user"));
        assertEquals(tokenName, serverChange.getString("token"));
        assertEquals(22, serverChange.getJsonObject("before").getInt("port"));
        assertEquals(2022, serverChange.getJsonObject("after").getInt("port"));
        assertTrue(serverChange.getJsonObject("after").getJsonArray("hostKeys").getString(0)
                .contains(fx.target.fingerprint(fx.target.hostKey())), serverChange.toString());

        JsonObject stored = change("account", server + "/deploy", "create");
        assertEquals("set", stored.getJsonObject("after").getString("credential"));
        assertEquals("PRIVATE_KEY", stored.getJsonObject("after").getString("kind"));
        JsonObject replaced = change("account", server + "/deploy", "update");
        assertEquals("changed", replaced.getJsonObject("after").getString("credential"));
        assertEquals("PASSWORD", replaced.getJsonObject("after").getString("kind"));

        String everything = fx.admin.get("/audit/admin?limit=1000").expect(200).body();
        assertFalse(everything.contains(token), "the token's value in the admin audit");
        assertFalse(everything.contains("Account-secret-1"), "a stored password in the admin audit");
        for (String line : fx.target.clientKey().split("\n")) {
            if (!line.isBlank() && !line.startsWith("-----")) {
                assertFalse(everything.contains(line.trim()), "a line of the private key in the admin audit: " + line);
            }
        }
    }

    @Test
    void groupsGrantsRulesDefaultsSecondFactorsAndUnlocksAreRecordedToo() {
        Fixture.Person member = fx.person("member");
        String group = Fixture.unique("audited-ops");
        fx.admin.post("/groups", "{\"name\":" + Api.quote(group) + ",\"members\":[]}").expect(201);
        fx.admin.put("/groups/" + group, "{\"members\":[" + Api.quote(member.name()) + "]}").expect(200);
        JsonObject membership = change("group", group, "update");
        assertEquals(List.of(), Fixture.strings(membership.getJsonObject("before").getJsonArray("members")));
        assertEquals(List.of(member.name()), Fixture.strings(membership.getJsonObject("after").getJsonArray("members")));

        String server = fx.server("audited-grant", false);
        String grant = fx.admin.post("/grants", "{\"group\":" + Api.quote(group) + ",\"server\":" + Api.quote(server)
                + ",\"logins\":[\"" + TargetServer.LOGIN + "\"]}").expect(201).object().getString("id");
        fx.admin.delete("/grants/" + grant).expect(204);
        assertEquals(group, change("grant", grant, "create").getJsonObject("after").getString("group"));
        assertEquals(server, change("grant", grant, "delete").getJsonObject("before").getString("server"));

        String rule = Fixture.unique("audited-rule");
        fx.admin.post("/command-rules", "{\"name\":" + Api.quote(rule) + ",\"match\":\"command\",\"pattern\":\"nc\",\"action\":\"BLOCK\","
                + "\"users\":[" + Api.quote(member.name()) + "]}").expect(201);
        fx.admin.put("/command-rules/" + rule, "{\"action\":\"ALERT\"}").expect(200);
        JsonObject ruleChange = change("command-rule", rule, "update");
        assertEquals("BLOCK", ruleChange.getJsonObject("before").getString("action"));
        assertEquals("ALERT", ruleChange.getJsonObject("after").getString("action"));
        fx.admin.delete("/command-rules/" + rule).expect(204);

        String label = Fixture.unique("audited-label");
        fx.admin.put("/command-defaults/" + label, "{\"mode\":\"allowlist\"}").expect(200);
        fx.admin.delete("/command-defaults/" + label).expect(204);
        assertEquals("ALLOWLIST", change("command-default", label, "create").getJsonObject("after").getString("mode"));

        String secret = fx.admin.post("/users/" + member.name() + "/totp", "").expect(201).object().getString("secret");
        fx.admin.delete("/users/" + member.name() + "/totp").expect(204);
        assertEquals("set", change("totp", member.name(), "enrol").getJsonObject("after").getString("secret"));
        assertNotNull(change("totp", member.name(), "remove"));
        assertFalse(fx.admin.get("/audit/admin?kind=totp&limit=1000").expect(200).body().contains(secret), "a TOTP seed in the audit");

        fx.admin.post("/users/" + member.name() + "/unlock", "").expect(204);
        assertNotNull(change("user", member.name(), "unlock"));
    }

    @Test
    void theAdminAuditTakesTheFiltersOfTheOtherAuditListingsAndARefusedChangeLeavesNoRow() {
        String name = Fixture.unique("filtered");
        OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(5);
        fx.admin.post("/users", "{\"username\":" + Api.quote(name) + ",\"password\":\"Filtered-pass-1\"}").expect(201);
        fx.admin.put("/users/" + name, "{\"role\":\"NOBODY\"}").expect(400);
        fx.admin.put("/users/" + name, "{\"password\":\"short\"}").expect(400);
        assertEquals(1, changes("resource=" + name).size(), "refused changes recorded: " + changes("resource=" + name));

        assertEquals(1, changes("resource=" + name + "&kind=user&user=admin&from=" + before).size());
        assertEquals(0, changes("resource=" + name + "&to=" + before).size());
        assertEquals(0, changes("resource=" + name + "&kind=server").size());
        assertEquals(0, changes("resource=" + name + "&user=someone-else").size());
        assertEquals(0, changes("resource=" + name + "&offset=1").size());
        assertEquals(1, changes("kind=user&limit=1").size());
        assertEquals(400, fx.admin.get("/audit/admin?from=yesterday").status());

        Fixture.Person auditor = fx.person("admin-auditor", "AUDITOR");
        Api asAuditor = Api.basic(fx.gateway.baseUrl(), auditor.name(), auditor.password());
        assertEquals(1, asAuditor.get("/audit/admin?resource=" + name).expect(200).array().size(), "auditors read the admin audit");
        asAuditor.delete("/users/" + name).expect(403);
        assertEquals(1, changes("resource=" + name).size(), "a forbidden change is not a change");
    }

    @Test
    void aChangeMadeInTheConsoleIsRecordedAsTheBrowsersUserAndShownOnTheAuditPage() {
        String name = Fixture.unique("console-made");
        browser.go("/console/users.xhtml");
        browser.type(By.id("form:username"), name);
        browser.type(By.id("form:password"), "Console-made-pass-1");
        browser.click(By.id("form:save"));
        assertEquals("USER", fx.admin.get("/users/" + name).expect(200).object().getString("role"));

        JsonObject created = change("user", name, "create");
        assertEquals(consoleAdmin.name(), created.getString("user"));
        assertEquals("CONSOLE", created.getString("channel"));
        assertTrue(created.isNull("token"), created.toString());
        assertTrue(created.getString("sourceAddress").startsWith("127.0.0.1:"), created.toString());
        assertEquals("set", created.getJsonObject("after").getString("password"));
        assertFalse(created.toString().contains("Console-made-pass-1"));

        browser.go("/console/audit.xhtml");
        browser.script("document.querySelector(\"input[name='search:kind'][value='ADMIN_CHANGES']\").checked = true");
        browser.type(By.id("search:resource"), name);
        browser.click(By.id("search:go"));
        String table = browser.text(By.id("results:rows"));
        assertTrue(table.contains(name) && table.contains(consoleAdmin.name()) && table.contains("CONSOLE"), table);
        assertFalse(table.contains("Console-made-pass-1"), table);
        browser.screenshot("audit-admin-changes");
    }

    @Test
    void anAlertOfARealSessionIsOnTheAlertsPageLinkedToItsSessionAndCommandAndCountedOnTheDashboard() {
        String server = fx.server("alerted", true);
        Fixture.Person watched = fx.personWithAccess("watched", server);
        fx.admin.post("/command-rules", "{\"name\":" + Api.quote(Fixture.unique("alert-id")) + ",\"match\":\"command\",\"pattern\":\"id\","
                + "\"action\":\"ALERT\",\"users\":[" + Api.quote(watched.name()) + "]}").expect(201);
        String since = OffsetDateTime.now(ZoneOffset.UTC).minusHours(24).toString();
        int countBefore = fx.admin.get("/audit/alerts?limit=1000&from=" + since).expect(200).array().size();

        Processes.Result run = fx.keyClient(watched).ssh(watched.name() + "@" + TargetServer.LOGIN + "@" + server, "id -un");
        assertEquals(0, run.exitCode(), run.output());
        String sessionId = fx.awaitSession(watched.name(), s -> Fixture.has(s, "end")).getString("id");
        JsonObject alert = fx.awaitAlert(sessionId, a -> "POLICY".equals(a.getString("kind")), "the ALERT rule's alert");
        String commandId = alert.getString("commandId");

        browser.go("/console/dashboard.xhtml");
        int shown = Integer.parseInt(browser.text(By.id("alert-count")).trim());
        int countAfter = fx.admin.get("/audit/alerts?limit=1000&from=" + since).expect(200).array().size();
        assertTrue(shown > countBefore && shown <= countAfter, countBefore + " < " + shown + " <= " + countAfter);
        browser.click(By.id("alerts-link"));
        assertEquals("/console/alerts.xhtml", browser.path());

        browser.script("document.getElementById('search:kind_input').value = 'POLICY'");
        browser.type(By.id("search:user"), watched.name());
        browser.type(By.id("search:server"), server);
        browser.click(By.id("search:go"));
        // each layer that saw the program start (hook, exec guard, supervisor) may raise the rule's alert
        int listed = fx.admin.get("/audit/alerts?kind=POLICY&user=" + watched.name() + "&server=" + server).expect(200).array().size();
        assertTrue(listed >= 1);
        assertEquals(listed, browser.all(By.xpath("//*[@id='results:rows']//tbody/tr[td]")).size(), browser.text(By.id("results:rows")));
        String rows = browser.text(By.id("results:rows"));
        assertTrue(rows.contains("POLICY") && rows.contains(watched.name()) && rows.contains(server), rows);
        browser.screenshot("alerts");

        String commandLink = browser.all(By.xpath("//*[@id='results:rows']//a[normalize-space()='Command']")).stream()
                .map(a -> a.getAttribute("href")).filter(href -> href.endsWith("#command-" + commandId)).findFirst()
                .orElseThrow(() -> new AssertionError("no link to command " + commandId + " in " + rows));
        browser.click(By.xpath("//*[@id='results:rows']//a[normalize-space()='Session']"));
        assertEquals("/console/session.xhtml", browser.path());
        assertEquals(watched.name(), browser.text(By.id("user")));
        assertTrue(browser.driver.getCurrentUrl().contains("id=" + sessionId), browser.driver.getCurrentUrl());

        browser.go("/console/dashboard.xhtml");
        browser.driver.get(commandLink);
        assertTrue(browser.driver.getCurrentUrl().endsWith("#command-" + commandId), browser.driver.getCurrentUrl());
        browser.screenshot("alert-command");
        browser.await(d -> String.valueOf(d.findElement(By.id("command-" + commandId)).getAttribute("class")).contains("current"));
        assertTrue(browser.text(By.id("command-" + commandId)).contains("id -un"), browser.text(By.id("command-" + commandId)));
    }

    @Test
    void anAccountLockedByFailedLoginsIsAnAlert() {
        Fixture.Person target = fx.person("locked");
        Api wrong = Api.basic(fx.gateway.baseUrl(), target.name(), "not-the-password");
        for (int i = 0; i < 5; i++) {
            wrong.get("/servers").expect(401);
        }
        List<JsonObject> alerts = fx.admin.get("/audit/alerts?kind=LOGIN_LOCKED&user=" + target.name()).expect(200).array().stream()
                .map(JsonValue::asJsonObject).toList();
        assertEquals(1, alerts.size(), alerts.toString());
        assertTrue(alerts.get(0).getString("detail").contains("5 failed logins"), alerts.toString());
        assertTrue(alerts.get(0).isNull("session"), alerts.toString());
        wrong.get("/servers").expect(401);
        assertEquals(1, fx.admin.get("/audit/alerts?kind=LOGIN_LOCKED&user=" + target.name()).expect(200).array().size(),
                "one alert per lock, not per refusal under it");
    }
}

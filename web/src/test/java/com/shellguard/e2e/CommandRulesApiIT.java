package com.shellguard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The command policy and its audit through the REST API: rules and defaults as admins write them, what bad
 * input gets back, who may change them, and the command and alert listings with their filters.
 */
class CommandRulesApiIT {

    private static Fixture fx;

    @BeforeAll
    static void startGateway() {
        fx = Fixture.shared();
    }

    private static String error(Api.Response r, int status) {
        assertEquals(status, r.status(), r.body());
        return r.object().getString("error");
    }

    @Test
    void aCommandRuleCanBeCreatedReadChangedAndDeleted() {
        String name = Fixture.unique("no-rm");
        JsonObject created = fx.admin.post("/command-rules", "{\"name\":\"" + name
                + "\",\"match\":\"command\",\"pattern\":\"rm\",\"action\":\"BLOCK\"}").expect(201).object();
        assertEquals("command", created.getString("match"));
        assertEquals("BLOCK", created.getString("action"));
        assertEquals(100, created.getInt("priority"));
        assertTrue(created.getJsonArray("users").isEmpty());

        Fixture.Person owner = fx.person("rule-owner");
        JsonObject changed = fx.admin.put("/command-rules/" + name, "{\"priority\":10,\"action\":\"terminate\",\"users\":[\""
                + owner.name() + "\"],\"description\":\"nobody deletes here\"}").expect(200).object();
        assertEquals("rm", changed.getString("pattern"), "a field left out stays");
        assertEquals("command", changed.getString("match"));
        assertEquals("TERMINATE", changed.getString("action"));
        assertEquals(10, changed.getInt("priority"));
        assertEquals(owner.name(), changed.getJsonArray("users").getString(0));

        assertEquals("nobody deletes here", fx.admin.get("/command-rules/" + name).expect(200).object().getString("description"));
        assertTrue(fx.admin.get("/command-rules").expect(200).array().stream()
                .anyMatch(r -> name.equals(r.asJsonObject().getString("name"))));
        fx.admin.delete("/command-rules/" + name).expect(204);
        assertEquals(404, fx.admin.get("/command-rules/" + name).status());
    }

    @Test
    void aLineIsTriedAgainstTheRulesInForceWithoutASession() {
        Fixture.Person p = fx.person("tried");
        String rule = Fixture.unique("try-rm");
        fx.admin.post("/command-rules", "{\"name\":\"" + rule + "\",\"match\":\"command\",\"pattern\":\"rm\","
                + "\"action\":\"BLOCK\",\"users\":[\"" + p.name() + "\"]}").expect(201);

        JsonObject blocked = fx.admin.post("/command-rules/try", "{\"line\":\"sudo rm -rf /tmp/x\",\"user\":\"" + p.name()
                + "\"}").expect(200).object();
        assertEquals("BLOCKED", blocked.getString("verdict"));
        assertEquals(rule, blocked.getString("rule"));
        JsonObject other = fx.admin.post("/command-rules/try", "{\"line\":\"sudo rm -rf /tmp/x\"}").expect(200).object();
        assertEquals("ALLOWED", other.getString("verdict"), "the rule names someone else: " + other);
        assertEquals(404, fx.admin.post("/command-rules/try", "{\"line\":\"ls\",\"server\":\"no-such-server\"}").status());
    }

    @Test
    void theOrderOfTheRulesIsSetInOneRequest() {
        List<String> order = new ArrayList<>(fx.admin.get("/command-rules").expect(200).array().stream()
                .map(r -> r.asJsonObject().getString("name")).toList());
        Collections.reverse(order);
        String names = String.join(",", order.stream().map(Api::quote).toList());
        List<String> after = fx.admin.put("/command-rules", "{\"order\":[" + names + "]}").expect(200).array().stream()
                .map(r -> r.asJsonObject().getString("name")).toList();
        assertEquals(order, after);
        assertEquals(400, fx.admin.put("/command-rules", "{\"order\":[]}").status(), "every rule must be named");
        Collections.reverse(order);
        fx.admin.put("/command-rules", "{\"order\":[" + String.join(",", order.stream().map(Api::quote).toList()) + "]}").expect(200);
    }

    @Test
    void invalidRulesGet400NamingTheProblem() {
        String name = Fixture.unique("bad");
        assertTrue(error(fx.admin.post("/command-rules", "{\"name\":\"" + name
                + "\",\"match\":\"line\",\"pattern\":\"(unclosed\",\"action\":\"BLOCK\"}"), 400).contains("regular expression"));
        assertTrue(error(fx.admin.post("/command-rules", "{\"name\":\"" + name
                + "\",\"match\":\"word\",\"pattern\":\"rm\",\"action\":\"BLOCK\"}"), 400).startsWith("match"));
        assertTrue(error(fx.admin.post("/command-rules", "{\"name\":\"" + name
                + "\",\"match\":\"command\",\"pattern\":\"rm\",\"action\":\"BLOCK\",\"users\":[\"nobody-at-all\"]}"), 400)
                .contains("no user nobody-at-all"));
        assertTrue(error(fx.admin.post("/command-rules", "{\"name\":\"" + name
                + "\",\"match\":\"command\",\"pattern\":\"/bin/rm\",\"action\":\"BLOCK\"}"), 400).contains("path rule"));
        assertTrue(error(fx.admin.post("/command-rules", "{\"name\":\"" + name
                + "\",\"match\":\"path\",\"pattern\":\"bin/*\",\"action\":\"BLOCK\"}"), 400).contains("'/'"));
        assertTrue(error(fx.admin.post("/command-rules", "{\"name\":\"" + name
                + "\",\"match\":\"command\",\"pattern\":\"rm\"}"), 400).contains("action"));
        assertTrue(error(fx.admin.post("/command-rules",
                "{\"name\":\"tamper-protection\",\"match\":\"command\",\"pattern\":\"rm\",\"action\":\"ALLOW\"}"), 400).contains("reserved"));
        assertEquals(404, fx.admin.get("/command-rules/" + name).status());
    }

    @Test
    void aDuplicateRuleGets409() {
        String body = "{\"name\":\"" + Fixture.unique("dup") + "\",\"match\":\"path\",\"pattern\":\"/opt/*\",\"action\":\"alert\"}";
        fx.admin.post("/command-rules", body).expect(201);
        assertEquals(409, fx.admin.post("/command-rules", body).status());
    }

    @Test
    void anAuditorMayReadThePolicyAndItsAuditButNotChangeThem() {
        Fixture.Person auditor = fx.person("aud", "AUDITOR");
        Api asAuditor = Api.basic(fx.gateway.baseUrl(), auditor.name(), auditor.password());
        asAuditor.get("/command-rules").expect(200);
        asAuditor.get("/command-defaults").expect(200);
        asAuditor.get("/audit/commands").expect(200);
        asAuditor.get("/audit/alerts").expect(200);
        assertEquals(403, asAuditor.post("/command-rules", "{\"name\":\"x\",\"match\":\"command\",\"pattern\":\"rm\",\"action\":\"BLOCK\"}").status());
        assertEquals(403, asAuditor.put("/command-defaults/prod", "{\"mode\":\"allowlist\"}").status());
    }

    @Test
    void aDefaultModeIsSetPerLabelAndForEveryServer() {
        String label = Fixture.unique("locked");
        JsonObject set = fx.admin.put("/command-defaults/" + label, "{\"mode\":\"allowlist\"}").expect(200).object();
        assertEquals(label, set.getString("label"));
        assertEquals("allowlist", set.getString("mode"));
        assertEquals("on", set.getString("supervisor"));
        assertEquals("allow", fx.admin.put("/command-defaults/" + label, "{\"mode\":\"ALLOW\"}").expect(200).object().getString("mode"));
        fx.admin.put("/command-defaults/" + label, "{\"mode\":\"allow\",\"supervisor\":\"off\"}").expect(200);
        assertEquals("off", fx.admin.get("/command-defaults/" + label).expect(200).object().getString("supervisor"));
        assertTrue(error(fx.admin.put("/command-defaults/" + label, "{\"mode\":\"allow\",\"supervisor\":\"maybe\"}"), 400)
                .startsWith("supervisor"));
        assertEquals("off", fx.admin.get("/command-defaults/" + label).expect(200).object().getString("supervisor"));
        assertEquals("on", fx.admin.put("/command-defaults/" + label, "{\"mode\":\"allow\"}").expect(200).object()
                .getString("supervisor"));
        assertTrue(fx.admin.get("/command-defaults").expect(200).array().stream()
                .anyMatch(d -> label.equals(d.asJsonObject().getString("label"))));
        assertTrue(error(fx.admin.put("/command-defaults/" + label, "{\"mode\":\"deny\"}"), 400).startsWith("mode"));
        fx.admin.delete("/command-defaults/" + label).expect(204);
        assertEquals(404, fx.admin.get("/command-defaults/" + label).status());

        try {
            assertEquals("*", fx.admin.put("/command-defaults/*", "{\"mode\":\"allow\"}").expect(200).object().getString("label"));
        } finally {
            fx.admin.delete("/command-defaults/*");
        }
    }

    @Test
    void theCommandAuditAndTheAlertsAnswerWithFilters() {
        fx.admin.get("/audit/commands?session=s1&user=alice&server=web01&verdict=blocked&q=rm%20-rf"
                + "&from=2026-01-01T00:00:00Z&to=2099-01-01T00:00:00Z&limit=5&offset=0").expect(200);
        assertTrue(error(fx.admin.get("/audit/commands?verdict=maybe"), 400).startsWith("verdict"));
        fx.admin.get("/audit/alerts?session=s1&user=alice&kind=tamper&from=2026-01-01T00:00:00Z&limit=5").expect(200);
        assertTrue(error(fx.admin.get("/audit/alerts?kind=bogus"), 400).startsWith("kind"));
        assertTrue(error(fx.admin.get("/audit/commands?limit=-1"), 400).startsWith("limit"));
    }

    @Test
    void aSessionSaysWhetherItsCommandsRanUnderTheHook() {
        Provisioning.Access access = fx.access("hooked");
        Processes.Result r = fx.keyClient(access.person()).ssh(access.person().name() + "@" + access.server(), "true");
        assertEquals(0, r.exitCode(), r.output());
        JsonObject session = fx.awaitSession(access.person().name(), s -> s.containsKey("hook"));
        JsonValue hook = session.get("hook");
        assertTrue(hook.getValueType() == JsonValue.ValueType.NULL || hook.asJsonObject().containsKey("state"), session.toString());
    }
}

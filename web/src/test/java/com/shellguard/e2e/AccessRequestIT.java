package com.shellguard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Just-in-time access end to end: a person without a grant asks over the API (or in the SSH menu), an approver of the
 * server's label decides over the API, the person logs in with the real ssh, and the live session ends when the access
 * expires; the webhook receiver is told of every step with a valid signature.
 */
class AccessRequestIT {

    private static final String SECRET = "hook-secret-" + java.util.UUID.randomUUID();

    private static Fixture fx;
    private static WebhookReceiver hook;
    private static String label;
    private static Fixture.Person approver;

    @BeforeAll
    static void startGateway() {
        fx = Fixture.shared();
        hook = new WebhookReceiver();
        fx.admin.put("/settings/access-requests", "{\"webhookUrl\":" + Api.quote(hook.url()) + ",\"webhookSecret\":"
                + Api.quote(SECRET) + "}").expect(200);
        label = Fixture.unique("jit");
        approver = fx.person("lead");
        String group = Fixture.unique("leads");
        fx.admin.post("/groups", "{\"name\":" + Api.quote(group) + ",\"members\":[" + Api.quote(approver.name()) + "]}").expect(201);
        fx.admin.put("/access-approvers/" + label, "{\"group\":" + Api.quote(group) + "}").expect(200);
    }

    @AfterAll
    static void stopReceiver() {
        fx.admin.put("/settings/access-requests", "{\"webhookUrl\":\"\",\"webhookSecret\":\"\"}").expect(200);
        hook.close();
    }

    @Test
    void anApprovedRequestLetsThePersonInAndItsExpiryEndsTheLiveSessionWithAMessage() {
        String server = labelledServer("web");
        Fixture.Person alice = fx.person("alice");
        String target = alice.name() + "@" + TargetServer.LOGIN + "@" + server;
        Processes.Result refused = fx.keyClient(alice).ssh(target, "true");
        assertEquals(255, refused.exitCode(), refused.output());
        assertTrue(refused.stderr().contains("shellguard: " + alice.name() + " has no access to " + server), refused.stderr());

        Api asAlice = Api.basic(fx.gateway.baseUrl(), alice.name(), alice.password());
        JsonObject filed = asAlice.post("/access-requests", "{\"server\":" + Api.quote(server) + ",\"login\":"
                + Api.quote(TargetServer.LOGIN) + ",\"minutes\":1,\"reason\":\"INC-4711 disk full\"}").expect(201).object();
        String id = filed.getString("id");
        assertEquals("PENDING", filed.getString("state"));
        assertEquals(alice.name(), filed.getString("user"));
        WebhookReceiver.Delivery requested = hook.await(d -> d.body().contains(id) && "access-request.requested".equals(d.event()),
                "the request");
        assertTrue(requested.signedWith(SECRET), requested.toString());
        assertEquals("INC-4711 disk full", requested.json().getJsonObject("request").getString("reason"));

        asAlice.post("/access-requests/" + id + "/approve", "{}").expect(403);
        assertTrue(asAlice.get("/access-requests?mine=true").expect(200).array().stream()
                .anyMatch(r -> id.equals(r.asJsonObject().getString("id"))));
        assertEquals(401, asAlice.get("/servers").status(), "a USER account reaches nothing else of the API");

        Api asApprover = Api.basic(fx.gateway.baseUrl(), approver.name(), approver.password());
        assertTrue(asApprover.get("/access-requests?state=PENDING").expect(200).array().stream()
                .anyMatch(r -> id.equals(r.asJsonObject().getString("id"))), "the approver sees the pending request");
        JsonObject approved = asApprover.post("/access-requests/" + id + "/approve", "{\"comment\":\"go ahead\"}").expect(200).object();
        assertEquals("APPROVED", approved.getString("state"));
        assertEquals(approver.name(), approved.getString("decidedBy"));
        assertTrue(Fixture.has(approved, "expires") && Fixture.has(approved, "grant"), approved.toString());
        WebhookReceiver.Delivery decision = hook.await(d -> d.body().contains(id) && "access-request.approved".equals(d.event()),
                "the approval");
        assertTrue(decision.signedWith(SECRET), decision.toString());
        asApprover.post("/access-requests/" + id + "/approve", "{}").expect(409);

        try (Terminal t = Terminal.open(fx.keyClient(alice).sshCommand(target, true, null), List.of(), 160, 40)) {
            t.waitFor("\\$ $");
            t.line("echo inside-$((40+2))");
            t.waitFor("^inside-42");
            String screen = t.waitFor("shellguard: your access to " + Pattern.quote(server) + " as " + TargetServer.LOGIN
                    + " expired at ", Duration.ofSeconds(120));
            assertEquals(255, t.awaitExit(), screen);
        }
        JsonObject session = fx.awaitSession(alice.name(), s -> Fixture.has(s, "end") && "SHELL".equals(s.getString("kind")));
        assertEquals("TERMINATED", session.getString("status"));
        assertTrue(session.getString("message").startsWith("your access to " + server + " as " + TargetServer.LOGIN + " expired at"),
                session.toString());

        JsonObject expired = asAlice.get("/access-requests/" + id).expect(200).object();
        assertEquals("EXPIRED", expired.getString("state"));
        List<String> steps = expired.getJsonArray("events").stream().map(e -> e.asJsonObject().getString("kind")).toList();
        assertTrue(steps.containsAll(List.of("REQUESTED", "APPROVED", "GRANT_CREATED", "SESSION_ENDED", "GRANT_EXPIRED")), steps.toString());
        JsonObject ended = expired.getJsonArray("events").stream().map(JsonValue::asJsonObject)
                .filter(e -> "SESSION_ENDED".equals(e.getString("kind"))).findFirst().orElseThrow();
        assertEquals(session.getString("id"), ended.getString("session"));
        JsonObject approval = expired.getJsonArray("events").stream().map(JsonValue::asJsonObject)
                .filter(e -> "APPROVED".equals(e.getString("kind"))).findFirst().orElseThrow();
        assertEquals(approver.name(), approval.getString("actor"));
        hook.await(d -> d.body().contains(id) && "access-request.expired".equals(d.event()) && d.signedWith(SECRET), "the expiry");

        Processes.Result after = fx.keyClient(alice).ssh(target, "true");
        assertEquals(255, after.exitCode(), after.output());
        assertTrue(after.stderr().contains("has no access to " + server), after.stderr());
    }

    @Test
    void aDeniedRequestGivesNoAccessAndNoOneDecidesTheirOwn() {
        String server = labelledServer("db");
        Fixture.Person dave = fx.person("dave");
        Api asDave = Api.basic(fx.gateway.baseUrl(), dave.name(), dave.password());
        String id = asDave.post("/access-requests", "{\"server\":" + Api.quote(server) + ",\"login\":"
                + Api.quote(TargetServer.LOGIN) + ",\"minutes\":30,\"reason\":\"look at the logs\"}").expect(201).object().getString("id");
        asDave.post("/access-requests", "{\"server\":" + Api.quote(server) + ",\"login\":"
                + Api.quote(TargetServer.LOGIN) + ",\"minutes\":30,\"reason\":\"again\"}").expect(409);
        asDave.post("/access-requests/" + id + "/deny", "{}").expect(403);
        asDave.post("/access-requests", "{\"server\":" + Api.quote(server) + ",\"login\":\"root\",\"minutes\":0,\"reason\":\"x\"}")
                .expect(400);

        Fixture.Person outsider = fx.person("outsider");
        Api asOutsider = Api.basic(fx.gateway.baseUrl(), outsider.name(), outsider.password());
        asOutsider.post("/access-requests/" + id + "/approve", "{}").expect(404);
        asOutsider.get("/access-requests/" + id).expect(404);

        JsonObject denied = fx.admin.post("/access-requests/" + id + "/deny", "{\"comment\":\"use the log shipper\"}").expect(200).object();
        assertEquals("DENIED", denied.getString("state"));
        assertEquals("use the log shipper", denied.getString("comment"));
        assertFalse(Fixture.has(denied, "grant"), denied.toString());
        hook.await(d -> d.body().contains(id) && "access-request.denied".equals(d.event()) && d.signedWith(SECRET), "the denial");

        Processes.Result r = fx.keyClient(dave).ssh(dave.name() + "@" + TargetServer.LOGIN + "@" + server, "true");
        assertEquals(255, r.exitCode(), r.output());
        assertTrue(r.stderr().contains("has no access to " + server), r.stderr());
        assertEquals("DENIED", asDave.get("/access-requests/" + id).expect(200).object().getString("state"));
    }

    @Test
    void theSshMenuOffersAServerToRequestAndFilesTheRequestWithMinutesAndReason() {
        String server = labelledServer("menu");
        Fixture.Person erin = fx.person("erin");
        try (Terminal t = Terminal.open(fx.keyClient(erin).sshCommand(erin.name(), true, null), List.of(), 160, 200)) {
            String menu = t.waitFor("to request access \\(q to quit\\): $");
            Matcher entry = Pattern.compile("(r\\d+)\\s+" + Pattern.quote(TargetServer.LOGIN + "@" + server)).matcher(menu);
            assertTrue(entry.find(), menu);
            t.line(entry.group(1));
            t.waitFor("For how many minutes: $");
            t.line("15");
            t.waitFor("Reason: $");
            t.line("deploy hotfix 12");
            t.waitFor("waiting for approval");
            assertEquals(0, t.awaitExit());
        }
        JsonObject request = Api.basic(fx.gateway.baseUrl(), erin.name(), erin.password()).get("/access-requests?mine=true")
                .expect(200).array().getJsonObject(0);
        assertEquals(server, request.getString("server"));
        assertEquals(TargetServer.LOGIN, request.getString("login"));
        assertEquals("ssh", request.getString("origin"));
        assertEquals("PENDING", request.getString("state"));
        assertEquals("deploy hotfix 12", request.getString("reason"));
        assertEquals(15, request.getJsonNumber("minutes").intValue());
    }

    @Test
    void anAdminApprovesARequestInTheConsoleWithAComment() {
        String server = labelledServer("console");
        Fixture.Person gil = fx.person("gil");
        String id = Api.basic(fx.gateway.baseUrl(), gil.name(), gil.password()).post("/access-requests", "{\"server\":"
                + Api.quote(server) + ",\"login\":" + Api.quote(TargetServer.LOGIN)
                + ",\"minutes\":20,\"reason\":\"rotate certificates\"}").expect(201).object().getString("id");
        try (Browser b = Browser.open(fx.gateway.baseUrl()).logIn("admin", GatewayNode.ADMIN_PASSWORD)) {
            b.go("/console/access-requests.xhtml");
            By row = By.xpath("//*[@id='list:requests']//tr[td[normalize-space()='" + gil.name() + "']]");
            assertTrue(b.text(row).contains("rotate certificates"), b.text(row));
            b.type(By.id("list:comment"), "approved in the console");
            b.click(By.xpath("//*[@id='list:requests']//tr[td[normalize-space()='" + gil.name()
                    + "']]//*[substring(@id, string-length(@id) - 7)=':approve']"));
            assertTrue(b.text(By.id("messages")).contains("Approved " + gil.name()), b.text(By.id("messages")));
            b.screenshot("access-requests");
        }
        JsonObject approved = fx.admin.get("/access-requests/" + id).expect(200).object();
        assertEquals("APPROVED", approved.getString("state"));
        assertEquals("admin", approved.getString("decidedBy"));
        assertEquals("approved in the console", approved.getString("comment"));
        Processes.Result r = fx.keyClient(gil).ssh(gil.name() + "@" + TargetServer.LOGIN + "@" + server, "echo console-approved");
        assertEquals(0, r.exitCode(), r.output());
        assertEquals("console-approved\n", r.stdout());
    }

    /** A fresh server under this class's label, whose approvers are the lead's group. */
    private static String labelledServer(String prefix) {
        String server = fx.server(prefix, true);
        fx.admin.put("/servers/" + server, "{\"labels\":[" + Api.quote(label) + "]}").expect(200);
        return server;
    }
}

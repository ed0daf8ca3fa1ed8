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

    @Test
    void aUserAsksInTheirConsolePageSeesItApprovedAndThenLogsInAndReachesNothingElseOfTheConsole() {
        String server = labelledServer("self");
        Fixture.Person hal = fx.person("hal");
        String id;
        try (Browser b = Browser.open(fx.gateway.baseUrl()).logIn(hal.name(), hal.password())) {
            assertEquals("/console/my-access.xhtml", b.path(), "a USER account lands on the page of its own access");
            assertEquals(List.of("My access"), b.all(By.cssSelector("#nav .ui-menuitem-text")).stream()
                    .map(e -> e.getText().strip()).toList(), "and its menu offers nothing else");
            for (String page : List.of("/console/dashboard.xhtml", "/console/users.xhtml", "/console/grants.xhtml",
                    "/console/access-requests.xhtml", "/console/audit.xhtml", "/console/exports.xhtml",
                    "/console/audit.csv?kind=SESSIONS", "/console/recording?id=x")) {
                assertEquals(403, b.fetch(page).statusCode(), page + " is not for a USER account");
            }
            assertTrue(b.text(By.id("grants")).contains("No access granted to you."), b.text(By.id("grants")));

            b.type(By.id("ask:login"), TargetServer.LOGIN);
            b.type(By.id("ask:minutes"), "5");
            b.type(By.id("ask:reason"), "INC-5150 asked in the console");
            b.click(By.id("ask:request"));
            assertTrue(messages(b).contains("Name the server you need access to."), messages(b));
            b.script("document.getElementById('ask:kind_input').value = 'label'");
            b.type(By.id("ask:target"), "no-such-label-" + hal.name());
            b.click(By.id("ask:request"));
            assertTrue(messages(b).contains("label: no server carries the label no-such-label-" + hal.name()), messages(b));
            b.type(By.id("ask:minutes"), "an hour");
            b.click(By.id("ask:request"));
            assertTrue(messages(b).contains("minutes must be a number"), messages(b));
            b.script("document.getElementById('ask:kind_input').value = 'server'");
            b.type(By.id("ask:target"), server);
            b.type(By.id("ask:minutes"), "5");
            b.click(By.id("ask:request"));
            assertTrue(messages(b).contains("Requested " + TargetServer.LOGIN + " on " + server + " for 5 minutes"), messages(b));
            assertTrue(b.text(row(server)).contains("PENDING"), b.text(row(server)));
            b.screenshot("my-access-pending");

            JsonObject filed = Api.basic(fx.gateway.baseUrl(), hal.name(), hal.password()).get("/access-requests?mine=true")
                    .expect(200).array().getJsonObject(0);
            id = filed.getString("id");
            assertEquals("console", filed.getString("origin"));
            assertEquals("INC-5150 asked in the console", filed.getString("reason"));
            String filedId = id;
            hook.await(d -> d.body().contains(filedId) && "access-request.requested".equals(d.event()) && d.signedWith(SECRET),
                    "the request from the console");

            fx.admin.post("/access-requests/" + id + "/approve", "{\"comment\":\"approved over the API\"}").expect(200);
            b.go("/console/my-access.xhtml");
            assertTrue(b.text(row(server)).contains("APPROVED"), b.text(row(server)));
            assertTrue(b.text(row(server)).contains("admin: approved over the API"), b.text(row(server)));
            String grant = b.text(By.xpath("//*[@id='grants']//tr[td[normalize-space()='server " + server + "']]"));
            assertTrue(grant.contains(TargetServer.LOGIN) && grant.contains("you") && grant.contains("UTC"), grant);
            assertFalse(b.present(By.xpath("//*[@id='list:requests']//*[substring(@id, string-length(@id) - 8)=':withdraw']")),
                    "a decided request cannot be withdrawn");
            b.screenshot("my-access-approved");
        }
        Processes.Result r = fx.keyClient(hal).ssh(hal.name() + "@" + TargetServer.LOGIN + "@" + server, "echo asked-in-console");
        assertEquals(0, r.exitCode(), r.output());
        assertEquals("asked-in-console\n", r.stdout());
        fx.awaitAuthEvent(hal.name(), e -> "CONSOLE".equals(e.getString("method", null)) && e.getBoolean("success"));
    }

    @Test
    void aUserApproverDecidesInTheirConsolePageAndSomeoneOutsideTheGroupHasNothingToDecide() {
        String server = labelledServer("peer");
        Fixture.Person kim = fx.person("kim");
        String id = ask(Api.basic(fx.gateway.baseUrl(), kim.name(), kim.password()), server).expect(201).object().getString("id");
        Api asApprover = Api.basic(fx.gateway.baseUrl(), approver.name(), approver.password());
        String own = ask(asApprover, labelledServer("own")).expect(201).object().getString("id");

        Fixture.Person outsider = fx.person("bystander");
        try (Browser b = Browser.open(fx.gateway.baseUrl()).logIn(outsider.name(), outsider.password())) {
            assertEquals("/console/my-access.xhtml", b.path());
            assertFalse(b.present(By.id("decide")), "nothing to decide for someone outside the approver group");
            assertFalse(b.text(By.tagName("body")).contains("Requests to decide"), b.text(By.tagName("body")));
        }

        try (Browser b = Browser.open(fx.gateway.baseUrl()).logIn(approver.name(), approver.password())) {
            assertEquals(List.of("My access"), b.all(By.cssSelector("#nav .ui-menuitem-text")).stream()
                    .map(e -> e.getText().strip()).toList(), "the approver is a USER account");
            By request = By.xpath("//*[@id='decide:requests']//tr[td[normalize-space()='" + kim.name() + "']]");
            assertTrue(b.text(request).contains(TargetServer.LOGIN + " on " + server) && b.text(request).contains("INC-1 needed"),
                    b.text(request));
            assertFalse(b.present(By.xpath("//*[@id='decide:requests']//tr[td[normalize-space()='" + approver.name() + "']]")),
                    "the approver's own request is not theirs to decide");
            b.screenshot("my-access-to-decide");
            b.type(By.id("decide:note"), "ok for INC-1");
            b.click(By.xpath("//*[@id='decide:requests']//tr[td[normalize-space()='" + kim.name()
                    + "']]//*[substring(@id, string-length(@id) - 7)=':approve']"));
            assertTrue(messages(b).contains("Approved " + kim.name() + "'s request for " + TargetServer.LOGIN + " on " + server
                    + "; it lasts until "), messages(b));
            assertFalse(b.present(request), "a decided request leaves the list");
        }
        asApprover.post("/access-requests/" + own + "/approve", "{}").expect(403);
        JsonObject approved = fx.admin.get("/access-requests/" + id).expect(200).object();
        assertEquals("APPROVED", approved.getString("state"));
        assertEquals(approver.name(), approved.getString("decidedBy"));
        assertEquals("ok for INC-1", approved.getString("comment"));
        JsonObject step = approved.getJsonArray("events").stream().map(JsonValue::asJsonObject)
                .filter(e -> "APPROVED".equals(e.getString("kind"))).findFirst().orElseThrow();
        assertEquals(approver.name(), step.getString("actor"));
        hook.await(d -> d.body().contains(id) && "access-request.approved".equals(d.event()) && d.signedWith(SECRET),
                "the approval from the console");
        fx.admin.post("/access-requests/" + own + "/deny", "{}").expect(200);

        Processes.Result r = fx.keyClient(kim).ssh(kim.name() + "@" + TargetServer.LOGIN + "@" + server, "echo peer-approved");
        assertEquals(0, r.exitCode(), r.output());
        assertEquals("peer-approved\n", r.stdout());
    }

    @Test
    void pendingRequestsAreCappedPerPersonWithdrawnInTheConsoleAndWithdrawnWhenThePersonIsDeleted() {
        String server = labelledServer("cap");
        String other = labelledServer("cap2");
        String third = labelledServer("cap3");
        Fixture.Person ivy = fx.person("ivy");
        Api asIvy = Api.basic(fx.gateway.baseUrl(), ivy.name(), ivy.password());
        fx.admin.put("/settings/access-requests", "{\"maxPending\":2}").expect(200);
        String first;
        String second;
        try {
            first = ask(asIvy, server).expect(201).object().getString("id");
            second = ask(asIvy, other).expect(201).object().getString("id");
            Api.Response capped = ask(asIvy, third);
            assertEquals(409, capped.status(), capped.body());
            assertTrue(capped.body().contains("has 2 pending access requests, the most a person may have"), capped.body());
            Api.Response noLabel = asIvy.post("/access-requests", "{\"label\":\"nothing-carries-this\",\"login\":\"root\","
                    + "\"minutes\":5,\"reason\":\"flood\"}");
            assertEquals(400, noLabel.status(), noLabel.body());
            assertTrue(noLabel.body().contains("no server carries the label nothing-carries-this"), noLabel.body());
            assertEquals(400, asIvy.post("/access-requests", "{\"server\":\"no-such-server\",\"login\":\"root\","
                    + "\"minutes\":5,\"reason\":\"flood\"}").status());

            Fixture.Person outsider = fx.person("stranger");
            Api.basic(fx.gateway.baseUrl(), outsider.name(), outsider.password()).post("/access-requests/" + first + "/withdraw", "")
                    .expect(404);
            fx.admin.post("/access-requests/" + first + "/withdraw", "").expect(403);

            try (Browser b = Browser.open(fx.gateway.baseUrl()).logIn(ivy.name(), ivy.password())) {
                b.click(By.xpath("//*[@id='list:requests']//tr[td[normalize-space()='" + TargetServer.LOGIN + " on " + server
                        + "']]//*[substring(@id, string-length(@id) - 8)=':withdraw']"));
                assertTrue(messages(b).contains("Withdrew the request for " + TargetServer.LOGIN + " on " + server), messages(b));
                assertTrue(b.text(row(server)).contains("WITHDRAWN"), b.text(row(server)));
            }
            assertEquals("WITHDRAWN", asIvy.get("/access-requests/" + first).expect(200).object().getString("state"));
            hook.await(d -> d.body().contains(first) && "access-request.withdrawn".equals(d.event()), "the withdrawal");
            asIvy.post("/access-requests/" + first + "/withdraw", "").expect(409);
            String thirdId = ask(asIvy, third).expect(201).object().getString("id");

            fx.admin.delete("/users/" + ivy.name()).expect(204);
            for (String gone : List.of(second, thirdId)) {
                JsonObject withdrawn = fx.admin.get("/access-requests/" + gone).expect(200).object();
                assertEquals("WITHDRAWN", withdrawn.getString("state"), withdrawn.toString());
                JsonObject step = withdrawn.getJsonArray("events").stream().map(JsonValue::asJsonObject)
                        .filter(e -> "WITHDRAWN".equals(e.getString("kind"))).findFirst().orElseThrow();
                assertEquals("admin", step.getString("actor"));
                assertEquals("the account " + ivy.name() + " was deleted", step.getString("detail"));
            }
            assertEquals("WITHDRAWN", fx.admin.get("/access-requests/" + first).expect(200).object().getString("state"));
        } finally {
            fx.admin.put("/settings/access-requests", "{\"maxPending\":5}").expect(200);
        }
    }

    @Test
    void aReceiverThatIsDownGetsEveryNoticeOnceBackAndSettingChangesAreInTheAdminAudit() {
        String server = labelledServer("down");
        Fixture.Person jan = fx.person("jan");
        Api asJan = Api.basic(fx.gateway.baseUrl(), jan.name(), jan.password());
        WebhookReceiver stopped = new WebhookReceiver();
        int port = stopped.port();
        stopped.close();
        String downUrl = "http://127.0.0.1:" + port + "/hook";
        String secret = "down-secret-" + jan.name();
        fx.admin.put("/settings/access-requests", "{\"webhookUrl\":" + Api.quote(downUrl) + ",\"webhookSecret\":"
                + Api.quote(secret) + ",\"maxMinutes\":600}").expect(200);
        try {
            String id = ask(asJan, server).expect(201).object().getString("id");
            fx.admin.post("/access-requests/" + id + "/deny", "{\"comment\":\"not now\"}").expect(200);
            JsonObject behind = awaitDelivery(d -> d.getInt("pending") >= 2 && !d.isNull("lastError"));
            assertTrue(behind.getInt("failures") >= 1, behind.toString());

            try (WebhookReceiver back = new WebhookReceiver(port)) {
                WebhookReceiver.Delivery requested = back.await(d -> d.body().contains(id)
                        && "access-request.requested".equals(d.event()), "the request filed while it was down");
                WebhookReceiver.Delivery denied = back.await(d -> d.body().contains(id)
                        && "access-request.denied".equals(d.event()), "the denial made while it was down");
                assertTrue(requested.signedWith(secret) && denied.signedWith(secret), denied.toString());
                assertTrue(Fixture.has(denied.json(), "id"), denied.body());
                awaitDelivery(d -> d.getInt("pending") == 0 && d.getInt("failures") == 0);
            }

            JsonObject change = fx.admin.get("/audit/admin?kind=access-settings&resource=access-requests&limit=1000").expect(200)
                    .array().stream().map(JsonValue::asJsonObject)
                    .filter(c -> downUrl.equals(c.getJsonObject("after").getString("webhookUrl", null))).findFirst().orElseThrow();
            assertEquals("admin", change.getString("user"));
            assertEquals(hook.url(), change.getJsonObject("before").getString("webhookUrl"));
            assertEquals(600, change.getJsonObject("after").getInt("maxMinutes"));
            assertTrue(Fixture.strings(change.getJsonArray("changed")).containsAll(List.of("webhookUrl", "webhookSecret", "maxMinutes")),
                    change.toString());
            assertFalse(change.toString().contains(secret) || change.toString().contains(SECRET), "a webhook secret in the admin audit");
        } finally {
            fx.admin.put("/settings/access-requests", "{\"webhookUrl\":" + Api.quote(hook.url()) + ",\"webhookSecret\":"
                    + Api.quote(SECRET) + ",\"maxMinutes\":480}").expect(200);
        }
    }

    private static JsonObject awaitDelivery(java.util.function.Predicate<JsonObject> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonObject settings;
        do {
            settings = fx.admin.get("/settings/access-requests").expect(200).object();
            JsonObject delivery = settings.getJsonObject("webhookDelivery");
            if (condition.test(delivery)) {
                return delivery;
            }
            Processes.sleep(Duration.ofMillis(200));
        } while (System.nanoTime() < deadline);
        throw new AssertionError("the webhook's delivery never came to that: " + settings);
    }

    private static Api.Response ask(Api as, String server) {
        return as.post("/access-requests", "{\"server\":" + Api.quote(server) + ",\"login\":" + Api.quote(TargetServer.LOGIN)
                + ",\"minutes\":5,\"reason\":\"INC-1 needed\"}");
    }

    private static By row(String server) {
        return By.xpath("//*[@id='list:requests']//tr[td[normalize-space()='" + TargetServer.LOGIN + " on " + server + "']]");
    }

    @Test
    void anApprovalADenialAndAWithdrawalAtTheSameMomentLetExactlyOneHappen() throws Exception {
        String server = labelledServer("race");
        Fixture.Person erin = fx.person("erin");
        Api asErin = Api.basic(fx.gateway.baseUrl(), erin.name(), erin.password());
        Api asApprover = Api.basic(fx.gateway.baseUrl(), approver.name(), approver.password());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            for (int round = 0; round < 8; round++) {
                String id = asErin.post("/access-requests", "{\"server\":" + Api.quote(server) + ",\"login\":\"race" + round
                        + "\",\"minutes\":30,\"reason\":\"at once\"}").expect(201).object().getString("id");
                java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(3);
                List<java.util.concurrent.Future<Integer>> steps = pool.invokeAll(List.of(
                        () -> { together.await(); return asApprover.post("/access-requests/" + id + "/approve", "{}").status(); },
                        () -> { together.await(); return fx.admin.post("/access-requests/" + id + "/deny", "{}").status(); },
                        () -> { together.await(); return asErin.post("/access-requests/" + id + "/withdraw", "").status(); }));
                List<Integer> statuses = new java.util.ArrayList<>();
                for (java.util.concurrent.Future<Integer> step : steps) {
                    statuses.add(step.get());
                }
                JsonObject decided = fx.admin.get("/access-requests/" + id).expect(200).object();
                assertEquals(1, statuses.stream().filter(s -> s == 200).count(), "approve, deny, withdraw answered " + statuses + ": " + decided);
                assertEquals(2, statuses.stream().filter(s -> s == 409).count(), "approve, deny, withdraw answered " + statuses);
                assertEquals("APPROVED".equals(decided.getString("state")), Fixture.has(decided, "grant"), decided.toString());
                assertEquals(1, decided.getJsonArray("events").stream().map(JsonValue::asJsonObject)
                        .filter(e -> List.of("APPROVED", "DENIED", "WITHDRAWN").contains(e.getString("kind"))).count(), decided.toString());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRequestOfAPersonDisabledSinceIsDeniedNotApproved() {
        String server = labelledServer("gone");
        Fixture.Person fred = fx.person("fred");
        String id = Api.basic(fx.gateway.baseUrl(), fred.name(), fred.password()).post("/access-requests", "{\"server\":"
                + Api.quote(server) + ",\"login\":" + Api.quote(TargetServer.LOGIN) + ",\"minutes\":30,\"reason\":\"before I leave\"}")
                .expect(201).object().getString("id");
        fx.admin.put("/users/" + fred.name(), "{\"enabled\":false}").expect(200);

        Api asApprover = Api.basic(fx.gateway.baseUrl(), approver.name(), approver.password());
        Api.Response refused = asApprover.post("/access-requests/" + id + "/approve", "{}").expect(409);
        assertTrue(refused.body().contains("has no enabled account"), refused.body());
        JsonObject pending = fx.admin.get("/access-requests/" + id).expect(200).object();
        assertEquals("PENDING", pending.getString("state"));
        assertFalse(Fixture.has(pending, "grant"), pending.toString());
        assertEquals("DENIED", asApprover.post("/access-requests/" + id + "/deny", "{}").expect(200).object().getString("state"));
    }

    private static String messages(Browser b) {
        return b.present(By.id("messages")) ? b.text(By.id("messages")) : "";
    }

    /** A fresh server under this class's label, whose approvers are the lead's group. */
    private static String labelledServer(String prefix) {
        String server = fx.server(prefix, true);
        fx.admin.put("/servers/" + server, "{\"labels\":[" + Api.quote(label) + "]}").expect(200);
        return server;
    }
}

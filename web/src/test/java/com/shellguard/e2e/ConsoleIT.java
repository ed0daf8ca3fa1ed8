package com.shellguard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The admin console in a real headless Chromium against a gateway node: logging in and out, an admin managing
 * servers and command rules, the audit search and its CSV export, replaying a recorded session from its command
 * timeline, watching and terminating a live session, and an auditor who sees everything and changes nothing.
 * One browser per role, reused across tests; screenshots of the main pages go to target/screenshots.
 */
class ConsoleIT {

    private static Fixture fx;
    private static Browser admin;
    private static Fixture.Person auditor;

    @BeforeAll
    static void start() {
        fx = Fixture.shared();
        auditor = fx.person("auditor", "AUDITOR");
        admin = Browser.open(fx.gateway.baseUrl()).logIn("admin", GatewayNode.ADMIN_PASSWORD);
        assertEquals("/console/dashboard.xhtml", admin.path());
    }

    @AfterAll
    static void stop() {
        if (admin != null) {
            admin.close();
        }
    }

    private static By row(String table, String cell) {
        return By.xpath("//*[@id='" + table + "']//tr[td[normalize-space()='" + cell + "']]");
    }

    private static By button(String table, String cell, String id) {
        return By.xpath("//*[@id='" + table + "']//tr[td[normalize-space()='" + cell + "']]//*[substring(@id, string-length(@id) - "
                + id.length() + ")=':" + id + "']");
    }

    private static String messages(Browser b) {
        return b.present(By.id("messages")) ? b.text(By.id("messages")) : "";
    }

    @Test
    void aVisitorWhoIsNotLoggedInIsSentToTheLoginPageAndLoggingOutEndsTheLogin() {
        try (Browser b = Browser.open(fx.gateway.baseUrl())) {
            b.go("/");
            assertEquals("/login.xhtml", b.path());
            b.screenshot("login");
            b.go("/console/rules.xhtml");
            assertEquals("/login.xhtml", b.path());
            assertEquals(302, b.fetch("/console/audit.csv?kind=SESSIONS").statusCode(), "the export needs a login too");

            b.logIn("admin", "not-the-password");
            assertTrue(messages(b).contains("Wrong user name or password"), messages(b));
            fx.awaitAuthEvent("admin", e -> "CONSOLE".equals(e.getString("method", null)) && !e.getBoolean("success"));
            b.logIn(fx.person("plain").name(), "whatever-1");
            assertTrue(messages(b).contains("Wrong user name or password"), messages(b));

            b.go("/console/rules.xhtml");
            b.logIn("admin", GatewayNode.ADMIN_PASSWORD);
            assertEquals("/console/rules.xhtml", b.path(), "after the login, on to the page asked for");
            org.openqa.selenium.Cookie cookie = b.driver.manage().getCookieNamed("JSESSIONID");
            assertTrue(cookie.isHttpOnly(), cookie.toString());
            assertEquals("strict", String.valueOf(cookie.getSameSite()).toLowerCase(), cookie.toString());

            b.click(By.id("nav:logout"));
            assertEquals("/login.xhtml", b.path());
            b.go("/console/dashboard.xhtml");
            assertEquals("/login.xhtml", b.path(), "logged out");
        }
        fx.admin.get("/servers").expect(200); // the REST API still authenticates by itself
    }

    @Test
    void anAdminCreatesAServerTestsItsConnectionAndPinsItsHostKey() {
        String name = Fixture.unique("web-console");
        admin.go("/console/servers.xhtml");
        admin.type(By.id("form:name"), name);
        admin.type(By.id("form:host"), "127.0.0.1");
        WebElement port = admin.driver.findElement(By.id("form:port_input"));
        port.sendKeys(Keys.chord(Keys.CONTROL, "a"), String.valueOf(fx.target.port()));
        admin.click(By.id("form:save"));
        assertTrue(messages(admin).contains("Created server " + name), messages(admin));
        JsonObject stored = fx.admin.get("/servers/" + name).expect(200).object();
        assertEquals(fx.target.port(), stored.getInt("port"));
        assertTrue(admin.text(row("list:servers", name)).contains("not pinned"));

        String fingerprint = fx.target.fingerprint(fx.target.hostKey());
        admin.click(button("list:servers", name, "test"));
        assertEquals("NOT_PINNED", admin.text(By.id("list:check-status")), admin.text(By.id("list:check-message")));
        assertTrue(admin.text(By.id("list:check-message")).contains(fingerprint), admin.text(By.id("list:check-message")));
        assertFalse(Fixture.has(fx.admin.get("/servers/" + name).expect(200).object(), "hostKey"), "a test pins nothing");
        admin.screenshot("servers-test-connection");

        admin.click(button("list:servers", name, "edit"));
        admin.type(By.id("form:hostkey"), fx.target.hostKey());
        admin.click(By.id("form:save"));
        admin.click(button("list:servers", name, "test"));
        assertEquals("MATCHES", admin.text(By.id("list:check-status")), admin.text(By.id("list:check-message")));
        assertTrue(admin.text(row("list:servers", name)).contains(fingerprint));
        admin.screenshot("servers");
    }

    @Test
    void anAdminManagesUsersGroupsAccountsAndGrants() {
        String user = Fixture.unique("newbie");
        admin.go("/console/users.xhtml");
        admin.type(By.id("form:username"), user);
        admin.type(By.id("form:password"), "Newbie-pass-1");
        admin.type(By.id("form:keys"), Fixture.publicKey(Fixture.newKey(user)));
        admin.click(By.id("form:save"));
        assertTrue(messages(admin).contains("Created user " + user), messages(admin));
        assertEquals("USER", fx.admin.get("/users/" + user).expect(200).object().getString("role"));
        admin.screenshot("users");

        String group = Fixture.unique("ops");
        admin.go("/console/groups.xhtml");
        admin.type(By.id("form:name"), group);
        admin.driver.findElement(By.id("form:members_input")).sendKeys(user, Keys.ENTER);
        admin.click(By.id("form:save"));
        assertTrue(messages(admin).contains("Created group " + group), messages(admin));
        assertEquals(user, fx.admin.get("/groups/" + group).expect(200).object().getJsonArray("members").getString(0));
        admin.screenshot("groups");

        String server = fx.server("acct", true);
        admin.go("/console/accounts.xhtml");
        admin.script("document.getElementById('pick:server_input').value = arguments[0]", server);
        admin.click(By.id("pick:show"));
        assertTrue(admin.driver.getCurrentUrl().contains("server=" + server), "a bookmarkable address: " + admin.driver.getCurrentUrl());
        admin.type(By.id("form:login"), "deploy");
        admin.script("document.getElementById('form:kind_input').value = 'PASSWORD'");
        admin.type(By.id("form:secret"), "Deploy-secret-93");
        admin.click(By.id("form:save"));
        assertTrue(messages(admin).contains("Added account deploy on " + server), messages(admin));
        assertTrue(admin.text(row("list:accounts", "deploy")).contains("PASSWORD"));
        assertFalse(admin.driver.getPageSource().contains("Deploy-secret-93"), "credentials are write-only");
        assertEquals("PASSWORD", fx.admin.get("/servers/" + server + "/accounts/deploy").expect(200).object().getString("kind"));
        admin.screenshot("accounts");

        admin.go("/console/grants.xhtml");
        admin.script("document.getElementById('form:who_input').value = 'GROUP'");
        admin.type(By.id("form:whoname"), group);
        admin.type(By.id("form:wherename"), server);
        admin.driver.findElement(By.id("form:logins_input")).sendKeys("deploy", Keys.ENTER);
        admin.click(By.id("form:save"));
        assertTrue(messages(admin).contains("Created the grant"), messages(admin));
        assertTrue(fx.admin.get("/grants").expect(200).array().stream().map(v -> v.asJsonObject())
                .anyMatch(g -> group.equals(g.getString("group", null)) && server.equals(g.getString("server", null))));
        admin.screenshot("grants");
    }

    @Test
    void anAdminCreatesRulesReordersThemAndTriesACommandLine() {
        Fixture.Person p = fx.person("ruled");
        String block = Fixture.unique("a-block");
        String allow = Fixture.unique("b-allow");
        for (String[] rule : List.of(new String[] {block, "BLOCK"}, new String[] {allow, "ALLOW"})) {
            admin.go("/console/rules.xhtml");
            admin.type(By.id("form:name"), rule[0]);
            admin.type(By.id("form:pattern"), "rm");
            admin.script("document.getElementById('form:action_input').value = arguments[0]", rule[1]);
            admin.driver.findElement(By.id("form:users_input")).sendKeys(p.name(), Keys.ENTER);
            admin.click(By.id("form:save"));
            assertTrue(messages(admin).contains("Created rule " + rule[0]), messages(admin));
        }
        JsonObject stored = fx.admin.get("/command-rules/" + allow).expect(200).object();
        assertEquals("ALLOW", stored.getString("action"));
        assertEquals(List.of(p.name()), stored.getJsonArray("users").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList());

        tryLine(p, "sudo rm -rf /tmp/x");
        assertEquals("BLOCKED", admin.text(By.id("try:verdict")), "same priority: the names decide, " + block + " first");
        assertEquals(block, admin.text(By.id("try:rule")));

        List<String> order = ruleOrder();
        assertTrue(order.indexOf(block) < order.indexOf(allow), order.toString());
        while (order.indexOf(allow) > order.indexOf(block)) {
            admin.click(button("list:rules", allow, "up"));
            assertTrue(messages(admin).contains("Saved the order"), messages(admin));
            order = ruleOrder();
        }
        assertTrue(fx.admin.get("/command-rules/" + allow).expect(200).object().getInt("priority")
                < fx.admin.get("/command-rules/" + block).expect(200).object().getInt("priority"));

        tryLine(p, "sudo rm -rf /tmp/x");
        assertEquals("ALLOWED", admin.text(By.id("try:verdict")));
        assertEquals(allow, admin.text(By.id("try:rule")));
        tryLine(fx.person("other"), "rm -rf /tmp/x");
        assertTrue(admin.text(By.id("try:rule")).contains("no rule matches"), "the rules are scoped to " + p.name());
        admin.screenshot("rules");
    }

    private static List<String> ruleOrder() {
        return admin.all(By.xpath("//*[@id='list:rules']//tbody/tr/td[2]")).stream().map(WebElement::getText).toList();
    }

    private static void tryLine(Fixture.Person p, String line) {
        admin.type(By.id("try:line"), line);
        admin.type(By.id("try:user"), p.name());
        admin.click(By.id("try:go"));
    }

    /** A finished session of a fresh person: a few commands, one of them blocked by a rule scoped to them. */
    private static String recordedSession(Fixture.Access access) {
        fx.admin.post("/command-rules", "{\"name\":" + Api.quote(Fixture.unique("rec-rm")) + ",\"match\":\"command\","
                + "\"pattern\":\"rm\",\"action\":\"BLOCK\",\"users\":[" + Api.quote(access.person().name()) + "]}").expect(201);
        try (ShellSession shell = ShellSession.open(fx.keyClient(access.person()),
                access.person().name() + "@" + TargetServer.LOGIN + "@" + access.server(), "bash")) {
            shell.run("echo console-first");
            Processes.sleep(Duration.ofMillis(1500));
            shell.run("echo console-second");
            Processes.sleep(Duration.ofMillis(1500));
            shell.run("rm /tmp/sg-console-nothing");
            shell.terminal().line("exit");
        }
        String id = fx.awaitSession(access.person().name(), s -> Fixture.has(s, "end")).getString("id");
        fx.awaitCommand(id, c -> "BLOCKED".equals(c.getString("verdict", null)), "the blocked rm");
        return id;
    }

    @Test
    void aRecordedSessionReplaysAndItsTimelineJumpsThePlayerToACommand() {
        Fixture.Access access = fx.access("replay");
        String id = recordedSession(access);

        admin.go("/console/session.xhtml?id=" + id);
        assertEquals(access.person().name(), admin.text(By.id("user")));
        admin.await(d -> admin.script("return window.shellguardPlayer && window.shellguardPlayer.getDuration() > 0"));
        List<WebElement> jumps = admin.all(By.cssSelector("#timeline a.jump"));
        assertTrue(jumps.size() >= 3, "the session's commands: " + admin.text(By.id("timeline")));
        assertTrue(admin.text(By.id("timeline")).contains("rm /tmp/sg-console-nothing"), admin.text(By.id("timeline")));
        WebElement second = admin.all(By.xpath("//*[@id='timeline']/li[contains(., 'console-second')]/a")).get(0);
        double offset = Double.parseDouble(second.getAttribute("data-offset"));
        assertTrue(offset > 1, "the second command started well into the session: " + offset);
        second.click();
        admin.await(d -> admin.script("return document.getElementById('player').dataset.seekedTo"));
        double at = ((Number) admin.script("return window.shellguardPlayer.getCurrentTime()")).doubleValue();
        assertEquals(offset, at, 0.75, "the player jumped to the command");
        admin.screenshot("session-replay");
    }

    @Test
    void theAuditSearchFindsASessionsCommandsAndExportsThemAsCsv() {
        Fixture.Access access = fx.access("audit");
        recordedSession(access);

        admin.go("/console/audit.xhtml");
        admin.script("document.querySelector(\"input[name='search:kind'][value='COMMANDS']\").checked = true");
        admin.type(By.id("search:user"), access.person().name());
        admin.click(By.id("search:go"));
        String table = admin.text(By.id("results:rows"));
        assertTrue(table.contains("echo console-first") && table.contains("BLOCKED"), table);
        admin.screenshot("audit");

        String href = admin.driver.findElement(By.xpath("//*[@id='search:csv']/descendant-or-self::a")).getAttribute("href");
        HttpResponse<String> csv = admin.fetch(href.substring(href.indexOf("/console/")));
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        String[] lines = csv.body().split("\r\n");
        assertTrue(List.of(lines).subList(1, lines.length).stream().anyMatch(l -> l.contains("rm /tmp/sg-console-nothing")),
                csv.body());
        assertEquals("Time,User,Server,Login,Verdict,Rule,Line,Command,Reason,Exit,Session", lines[0]);
        assertTrue(lines.length >= 4, csv.body());
        assertTrue(List.of(lines).subList(1, lines.length).stream().allMatch(l -> l.contains(access.person().name())), csv.body());
    }

    @Test
    void theDashboardCountsTodaysBlockedCommandsAndFailedLogins() {
        admin.go("/console/dashboard.xhtml");
        long blocked = Long.parseLong(admin.text(By.id("blocked-count")));
        long failed = Long.parseLong(admin.text(By.id("failed-count")));

        Fixture.Access access = fx.access("dash");
        recordedSession(access);
        Processes.Result refused = fx.passwordClient("not-" + access.person().password())
                .ssh(access.person().name() + "@" + access.server(), "true");
        assertEquals(255, refused.exitCode(), refused.stderr());
        fx.awaitAuthEvent(access.person().name(), e -> !e.getBoolean("success"));

        admin.go("/console/dashboard.xhtml");
        assertTrue(Long.parseLong(admin.text(By.id("blocked-count"))) >= blocked + 1, "the blocked rm counts");
        assertTrue(Long.parseLong(admin.text(By.id("failed-count"))) >= failed + 1, "the wrong password counts");
        assertTrue(admin.present(By.cssSelector("#activity canvas")), "the chart is drawn");
    }

    @Test
    void anAdminWatchesALiveSessionAndTerminatesIt() {
        Fixture.Access access = fx.access("live");
        try (ShellSession shell = ShellSession.open(fx.keyClient(access.person()),
                access.person().name() + "@" + TargetServer.LOGIN + "@" + access.server(), "bash")) {
            String id = fx.awaitSession(access.person().name(), s -> !Fixture.has(s, "end")).getString("id");
            admin.go("/console/dashboard.xhtml");
            assertTrue(admin.text(By.id("sessions:live")).contains(access.person().name()), "listed as live on the dashboard");
            admin.screenshot("dashboard");

            admin.go("/console/live.xhtml?id=" + id);
            shell.run("echo live-$((40+2))");
            admin.await(d -> admin.text(By.id("terminal")).contains("live-42"));
            admin.screenshot("live-session");

            admin.driver.findElement(By.id("live:terminate")).click();
            admin.driver.switchTo().alert().accept();
            admin.await(d -> messages(admin).contains("Asked to end the session"));
            shell.terminal().waitFor("terminated by an administrator");
            JsonObject ended = fx.awaitSession(access.person().name(), s -> Fixture.has(s, "end"));
            assertEquals("TERMINATED", ended.getString("status"), ended.toString());
        }
    }

    @Test
    void anAuditorSeesEverythingButCannotChangeAnything() {
        String server = fx.server("audited", true);
        try (Browser b = Browser.open(fx.gateway.baseUrl())) {
            b.logIn(auditor.name(), auditor.password());
            assertTrue(b.text(By.id("nav:caller")).contains("auditor"));
            for (String page : List.of("users", "groups", "servers", "grants", "rules")) {
                b.go("/console/" + page + ".xhtml");
                assertFalse(b.present(By.id("form:save")), page + ": no save button");
                assertTrue(b.all(By.xpath("//*[substring(@id, string-length(@id) - 6)=':delete']")).isEmpty(), page + ": no delete buttons");
            }
            b.go("/console/servers.xhtml");
            assertTrue(b.present(row("list:servers", server)));
            b.click(button("list:servers", server, "edit"));
            assertEquals("true", b.driver.findElement(By.id("form:host")).getAttribute("disabled"), "the form is read-only");
            b.screenshot("servers-as-auditor");

            // a crafted POST: the admin's delete button, named in a request the auditor's own page sends
            String index = b.driver.findElement(row("list:servers", server)).getAttribute("data-ri");
            b.script("var f = document.getElementById('list'); var i = document.createElement('input');"
                    + "i.type = 'hidden'; i.name = arguments[0]; i.value = arguments[0]; f.appendChild(i); f.submit();",
                    "list:servers:" + index + ":delete");
            b.await(d -> b.present(By.id("list:servers")));
            fx.admin.get("/servers/" + server).expect(200);

            // the rules page's try box only reads: auditors may use it
            b.go("/console/rules.xhtml");
            b.type(By.id("try:line"), "ls");
            b.click(By.id("try:go"));
            assertEquals("ALLOWED", b.text(By.id("try:verdict")));

            // the REST API agrees: an auditor reads, and may not change
            Api api = Api.basic(fx.gateway.baseUrl(), auditor.name(), auditor.password());
            api.get("/servers").expect(200);
            api.delete("/servers/" + server).expect(403);
        }
    }
}

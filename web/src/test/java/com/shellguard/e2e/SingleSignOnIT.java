package com.shellguard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;

/**
 * Single sign-on with a real OpenID provider ({@link TestIdentityProvider}, Keycloak) through a real gateway node
 * configured as an operator would: the console's "Sign in with Keycloak" driven in headless Chromium (the provider's
 * own login form, the role from the groups claim, the account made on first sign-on), and SSH logins of a federated
 * person with the stock {@code ssh} in tmux, where the gateway shows the provider's device page and a code, the
 * browser signs in there, and the connection goes through; a code entered by another person and a code nobody uses
 * are refused with their audit rows. What SSH offers is the same for a federated, a local and an unknown name; ten
 * thousand sign-ons started by nobody keep nobody from signing on; and an account stays with the provider person it
 * was made for when the provider re-creates someone under the same name.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SingleSignOnIT {

    /** How long the node lets a person take to sign in over SSH; the expiry test waits this out. */
    private static final int SSH_WAIT_SECONDS = 100;

    private static TargetServer target;
    private static TestIdentityProvider provider;
    private static GatewayNode node;
    private static Provisioning admin;
    private static String server;

    @BeforeAll
    static void start() {
        target = TargetServer.start();
        provider = TestIdentityProvider.start();
        Map<String, String> settings = new TreeMap<>(provider.gatewaySettings());
        settings.put("SHELLGUARD_OIDC_SSH_TIMEOUT", String.valueOf(SSH_WAIT_SECONDS));
        settings.put("SHELLGUARD_OIDC_KEY_HOURS", "1");
        node = GatewayNode.start(settings);
        admin = new Provisioning(node.admin(), target);
        server = admin.server("ssosrv", true);
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable part : new AutoCloseable[] {node, provider, target}) {
            try {
                if (part != null) {
                    part.close();
                }
            } catch (Exception e) {
                e.printStackTrace();
            }
        }
    }

    /** Clicks "Sign in with Keycloak" on the console's login page and signs in on the provider's own form. */
    private static void signInToConsole(Browser browser, TestIdentityProvider.Person person) {
        browser.go("/login.xhtml");
        assertEquals("Sign in with Keycloak", browser.text(By.id("sso")));
        browser.click(By.id("sso"));
        assertTrue(browser.driver.getCurrentUrl().startsWith(provider.issuer() + "/protocol/openid-connect/auth"),
                browser.driver.getCurrentUrl());
        signInAtProvider(browser, person);
    }

    private static void signInAtProvider(Browser browser, TestIdentityProvider.Person person) {
        browser.type(By.id("username"), person.name());
        browser.type(By.id("password"), person.password());
        browser.click(By.id("kc-login"));
    }

    private static JsonObject user(String name) {
        return admin.admin.get("/users/" + name).expect(200).object();
    }

    private static boolean consoleSignOn(JsonObject event, boolean success, String reasonStart) {
        return event.getBoolean("success") == success && "CONSOLE".equals(event.getString("method", null))
                && event.getString("reason", "").startsWith(reasonStart);
    }

    @Test
    @Order(1)
    void anAdminOfTheProviderSignsInToTheConsoleAndIsMadeAFederatedAdminOnFirstLogin() {
        assertEquals(404, node.admin().get("/users/ada").status(), "nobody has made ada an account");
        try (Browser browser = Browser.open(node.baseUrl())) {
            signInToConsole(browser, TestIdentityProvider.ADA);
            browser.await(d -> browser.path().equals("/console/dashboard.xhtml"));
            browser.screenshot("sso-console-admin");
            browser.go("/console/users.xhtml");
            assertEquals("/console/users.xhtml", browser.path(), "an admin opens the users page");
        }
        JsonObject ada = user("ada");
        assertEquals("ADMIN", ada.getString("role"), "the groups claim holds shellguard-admins: " + ada);
        assertTrue(ada.getBoolean("federated"), ada.toString());
        assertFalse(ada.getBoolean("hasPassword"), "a federated account has no local password: " + ada);
        admin.awaitAuthEvent("ada", e -> consoleSignOn(e, true, "SSO as ADMIN"));
        assertEquals(400, admin.admin.put("/users/ada", "{\"password\":\"a-local-password\"}").status(),
                "the provider alone signs a federated account on");
    }

    @Test
    @Order(2)
    void anAuditorOfTheProviderSignsInAsAnAuditorAndThePasswordFormStaysForLocalAccounts() {
        try (Browser browser = Browser.open(node.baseUrl())) {
            signInToConsole(browser, TestIdentityProvider.OTTO);
            browser.await(d -> browser.path().equals("/console/dashboard.xhtml"));
        }
        assertEquals("AUDITOR", user("otto").getString("role"));
        admin.awaitAuthEvent("otto", e -> consoleSignOn(e, true, "SSO as AUDITOR"));
        try (Browser browser = Browser.open(node.baseUrl())) {
            browser.logIn("admin", GatewayNode.ADMIN_PASSWORD);
            browser.await(d -> browser.path().equals("/console/dashboard.xhtml"));
        }
    }

    @Test
    @Order(3)
    void aPersonWithoutAConsoleGroupIsMadeAUserAccountAndGetsOnlyThePageOfTheirOwnAccess() {
        try (Browser browser = Browser.open(node.baseUrl())) {
            signInToConsole(browser, TestIdentityProvider.ULLA);
            browser.await(d -> browser.path().equals("/console/my-access.xhtml"));
            browser.screenshot("sso-console-user-own-access");
            assertEquals(403, browser.fetch("/console/dashboard.xhtml").statusCode(), "and nothing else of the console");
        }
        JsonObject ulla = user("ulla");
        assertEquals("USER", ulla.getString("role"));
        assertTrue(ulla.getBoolean("federated"));
        admin.awaitAuthEvent("ulla", e -> consoleSignOn(e, true, "SSO as USER"));
    }

    /** ssh as a person types it, with no key and no password: only keyboard-interactive, as a federated person has. */
    private static Terminal ssh(String user, String command) {
        return Terminal.open(List.of("ssh", "-p", String.valueOf(node.sshPort()), "-o", "StrictHostKeyChecking=no",
                "-o", "UserKnownHostsFile=/dev/null", "-o", "PubkeyAuthentication=no",
                "-o", "PreferredAuthentications=keyboard-interactive", "-tt", user + "@" + server + "@127.0.0.1", command),
                List.of(), 200, 40);
    }

    private static final Pattern PROMPT = Pattern.compile(
            "Open (\\S+) in a browser, sign in and enter the code (\\S+); then press Enter\\. Or type the account's password:");

    /** The device page and code the gateway showed. */
    private record Shown(String verificationUri, String code) {
    }

    private static Shown shown(Terminal t) {
        Matcher m = PROMPT.matcher(t.waitFor(PROMPT.pattern()).replace("\n", ""));
        assertTrue(m.find());
        return new Shown(m.group(1), m.group(2));
    }

    /**
     * The person opens the device page the gateway showed, enters the code, signs in, and answers the provider's
     * question whether the gateway may have access (Keycloak asks it for every device login).
     */
    private static void signInOnDevicePage(Shown shown, TestIdentityProvider.Person person, boolean grant) {
        assertEquals(URI.create(provider.issuer() + "/device"), URI.create(shown.verificationUri()));
        try (Browser browser = Browser.open(node.baseUrl())) {
            browser.driver.get(shown.verificationUri());
            browser.type(By.id("device-user-code"), shown.code());
            browser.click(By.cssSelector("input[type=submit]"));
            signInAtProvider(browser, person);
            awaitPage(browser, "the consent question", () -> browser.present(By.id("kc-cancel")));
            browser.screenshot("sso-device-consent-" + person.name());
            browser.click(By.id(grant ? "kc-login" : "kc-cancel"));
            awaitPage(browser, "the device login's end", () -> !browser.present(By.id("kc-cancel")));
            browser.screenshot("sso-device-" + (grant ? "granted-" : "declined-") + person.name());
        }
    }

    private static void awaitPage(Browser browser, String what, java.util.function.BooleanSupplier shown) {
        try {
            browser.await(d -> shown.getAsBoolean());
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("the provider never showed " + what + "; the page says: "
                    + browser.driver.findElement(By.tagName("body")).getText(), e);
        }
    }

    @Test
    @Order(4)
    void aFederatedPersonLogsInOverSshBySigningInAtTheDevicePageWithTheCodeTheGatewayShowsAndHerKeyWorksForAWhileAfter() {
        admin.grant(new Provisioning.Person("ulla", null, null), server, TargetServer.LOGIN);
        java.nio.file.Path key = Provisioning.newKey("ulla");
        admin.admin.put("/users/ulla", "{\"publicKeys\":[" + Api.quote(Provisioning.publicKey(key)) + "]}").expect(200);
        OpenSshClient withKey = OpenSshClient.withKey(node.sshPort(), key);
        Processes.Result before = withKey.ssh("ulla@" + server, "echo key-$((6*7))");
        assertTrue(before.exitCode() != 0 && !before.stdout().contains("key-42"), "no sign-on yet, so no key: " + before.output());

        try (Terminal t = ssh("ulla", "echo sso-$((6*7))")) {
            Shown shown = shown(t);
            signInOnDevicePage(shown, TestIdentityProvider.ULLA, true);
            t.line("");
            t.waitFor("(?m)^sso-42");
        }
        admin.awaitAuthEvent("ulla", e -> e.getBoolean("success") && "SSO".equals(e.getString("method", null)));

        Processes.Result after = withKey.ssh("ulla@" + server, "echo key-$((6*7))");
        assertEquals(0, after.exitCode(), after.output());
        assertEquals("key-42\n", after.stdout(), "scp and Ansible use the key for an hour after the sign-on");
    }

    @Test
    @Order(5)
    void aCodeEnteredByAnotherPersonOpensNothingAndIsAudited() {
        signOnRefused(TestIdentityProvider.MALLORY, true, "SSO_WRONG_USER", ": signed in as mallory, not ulla");
        assertEquals(404, admin.admin.get("/users/mallory").status(), "mallory's sign-in made no account");
    }

    @Test
    @Order(6)
    void aPersonWhoDeclinesAtTheProviderIsRefusedAndAudited() {
        signOnRefused(TestIdentityProvider.ULLA, false, "SSO_DENIED", "");
    }

    /** ulla's sign-on, finished at the provider by {@code person} (approving or declining), is refused and audited. */
    private void signOnRefused(TestIdentityProvider.Person person, boolean approve, String reason, String detail) {
        try (Terminal t = ssh("ulla", "echo should-not-run")) {
            Shown shown = shown(t);
            signInOnDevicePage(shown, person, approve);
            t.line("");
            t.waitFor("single sign-on refused: " + reason + detail);
            String screen = t.waitFor("\\[exited \\d+\\]");
            assertFalse(screen.contains("\nshould-not-run"), screen);
        }
        admin.awaitAuthEvent("ulla", e -> !e.getBoolean("success") && "SSO".equals(e.getString("method", null))
                && e.getString("reason", "").startsWith(reason));
    }

    @Test
    @Order(7)
    void aCodeNobodyUsesWithinTheTimeAllowedIsRefusedAsExpired() {
        try (Terminal t = ssh("ulla", "echo should-not-run")) {
            shown(t);
            t.line("");
            t.waitFor("single sign-on refused: SSO_EXPIRED", java.time.Duration.ofSeconds(SSH_WAIT_SECONDS + 60));
            String screen = t.waitFor("\\[exited \\d+\\]");
            assertFalse(screen.contains("\nshould-not-run"), screen);
        }
        admin.awaitAuthEvent("ulla", e -> !e.getBoolean("success") && "SSO".equals(e.getString("method", null))
                && e.getString("reason", "").startsWith("SSO_EXPIRED"));
    }

    @Test
    @Order(8)
    void everyNameIsOfferedTheSameSignOnAndRefusedAlikeAndALocalAccountTypesItsPasswordAtThatPrompt() {
        Provisioning.Access local = admin.access("ssolocal");
        String unknown = "nobody-" + local.person().name();
        Map<String, String> seen = new LinkedHashMap<>();
        for (String name : List.of("ulla", local.person().name(), unknown)) {
            try (Terminal t = sshWithPassword(name, local.server(), "echo should-not-run")) {
                Shown shown = shown(t);
                t.line("not-the-password-of-anyone");
                String screen = t.waitFor("@127\\.0\\.0\\.1's password: *$");
                seen.put(name, screen.replace(name, "NAME").replace(shown.code(), "CODE").strip());
            }
        }
        List<String> screens = new ArrayList<>(seen.values());
        assertTrue(screens.get(0).contains("shellguard: authentication failed for NAME"), screens.get(0));
        assertEquals(screens.get(0), screens.get(1), "a federated and a local name: " + seen.keySet());
        assertEquals(screens.get(0), screens.get(2), "a federated and an unknown name: " + seen.keySet());

        try (Terminal t = sshWithPassword(local.person().name(), local.server(), "echo local-$((6*7))")) {
            String screen = t.waitFor(PROMPT.pattern());
            assertFalse(screen.contains(local.person().password()), "the prompt does not echo");
            t.line(local.person().password());
            t.waitFor("(?m)^local-42");
        }
    }

    /** ssh as someone with a password types it: keyboard-interactive first, as the stock client does, then password. */
    private static Terminal sshWithPassword(String name, String serverName, String command) {
        return Terminal.open(List.of("ssh", "-p", String.valueOf(node.sshPort()), "-o", "StrictHostKeyChecking=no",
                "-o", "UserKnownHostsFile=/dev/null", "-o", "PubkeyAuthentication=no", "-o", "PreferredAuthentications=keyboard-interactive,password",
                "-tt", name + "@" + serverName + "@127.0.0.1", command), List.of(), 200, 40);
    }

    @Test
    @Order(9)
    void tenThousandSignOnsStartedByNobodyKeepNobodyFromSigningOnToTheConsole() throws Exception {
        try (Browser before = Browser.open(node.baseUrl()); Browser after = Browser.open(node.baseUrl())) {
            before.go("/login.xhtml");
            before.click(By.id("sso"));
            before.await(d -> before.present(By.id("username"))); // a sign-on under way at the provider's form

            HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
            HttpRequest start = HttpRequest.newBuilder(URI.create(node.baseUrl() + "/sso/login")).build();
            int flood = 10_001; // one more than the sign-ons under way the node used to keep
            Semaphore inFlight = new Semaphore(16);
            AtomicInteger sentOn = new AtomicInteger();
            for (int i = 0; i < flood; i++) {
                inFlight.acquire();
                http.sendAsync(start, HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
                    if (r != null && r.statusCode() == 302 && r.headers().firstValue("Location").orElse("").startsWith(provider.issuer())) {
                        sentOn.incrementAndGet();
                    }
                    inFlight.release();
                });
            }
            inFlight.acquire(16);
            assertEquals(flood, sentOn.get(), "every start is sent on to the provider");

            signInAtProvider(before, TestIdentityProvider.OTTO);
            before.await(d -> before.path().equals("/console/dashboard.xhtml"));
            signInToConsole(after, TestIdentityProvider.ADA);
            after.await(d -> after.path().equals("/console/dashboard.xhtml"));
        }
    }

    @Test
    @Order(10)
    void anAnswerForAnotherSignOnOrWithAnAlteredCookieIsRefused() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpRequest start = HttpRequest.newBuilder(URI.create(node.baseUrl() + "/sso/login")).build();
        HttpResponse<Void> mine = http.send(start, HttpResponse.BodyHandlers.discarding());
        HttpResponse<Void> theirs = http.send(start, HttpResponse.BodyHandlers.discarding());
        String myCookie = mine.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        assertTrue(myCookie.startsWith("sg_sso=") && myCookie.length() > 100, myCookie);
        String altered = myCookie.substring(0, 40) + (myCookie.charAt(40) == 'A' ? 'B' : 'A') + myCookie.substring(41);
        for (String[] attempt : new String[][] {{stateOf(theirs), myCookie}, {stateOf(mine), altered}, {stateOf(mine), null}}) {
            HttpRequest.Builder back = HttpRequest.newBuilder(URI.create(node.baseUrl() + "/sso/callback?code=anything&state=" + attempt[0]));
            if (attempt[1] != null) {
                back.header("Cookie", attempt[1]);
            }
            HttpResponse<Void> answer = http.send(back.build(), HttpResponse.BodyHandlers.discarding());
            assertEquals(302, answer.statusCode());
            assertTrue(answer.headers().firstValue("Location").orElse("").endsWith("/login.xhtml?sso=state"), answer.headers().toString());
        }
    }

    private static String stateOf(HttpResponse<Void> start) {
        Matcher m = Pattern.compile("[?&]state=([^&]+)").matcher(start.headers().firstValue("Location").orElseThrow());
        assertTrue(m.find());
        return m.group(1);
    }

    @Test
    @Order(11)
    void aProviderUserReCreatedUnderTheSameNameCannotTakeOverTheAccountUntilAnAdminUnbindsIt() {
        TestIdentityProvider.Person rita = new TestIdentityProvider.Person("rita", "rita-sso-pass");
        String first = provider.addPerson(rita, TestIdentityProvider.ADMIN_GROUP);
        try (Browser browser = Browser.open(node.baseUrl())) {
            signInToConsole(browser, rita);
            browser.await(d -> browser.path().equals("/console/dashboard.xhtml"));
        }
        assertEquals(first, user("rita").getJsonObject("ssoBinding").getString("subject"), "bound at the first sign-on");

        provider.removePerson(first);
        String second = provider.addPerson(rita, TestIdentityProvider.ADMIN_GROUP);
        try (Browser browser = Browser.open(node.baseUrl())) {
            signInToConsole(browser, rita);
            browser.await(d -> browser.path().equals("/login.xhtml"));
            assertEquals("This account belongs to another person of the identity provider (renamed or re-created there): ask an administrator.",
                    browser.text(By.id("ssoRefusal")));
            browser.go("/console/dashboard.xhtml");
            assertEquals("/login.xhtml", browser.path(), "no console session was opened");
        }
        JsonObject refused = admin.awaitAuthEvent("rita", e -> consoleSignOn(e, false, "SSO_SUBJECT_CHANGED"));
        assertTrue(refused.getString("reason").contains(second), refused.toString());
        assertEquals(first, user("rita").getJsonObject("ssoBinding").getString("subject"));

        assertEquals(400, admin.admin.delete("/users/admin/sso-binding").status(), "a local account has no binding");
        assertEquals(204, admin.admin.delete("/users/rita/sso-binding").status());
        assertFalse(user("rita").containsKey("ssoBinding"));
        JsonObject unbound = admin.admin.get("/audit/admin?kind=user&resource=rita").expect(200).array().stream()
                .map(JsonValue::asJsonObject).filter(c -> "unbind single sign-on".equals(c.getString("action"))).findFirst().orElseThrow();
        assertEquals(first, unbound.getJsonObject("before").getString("ssoSubject"), unbound.toString());
        try (Browser browser = Browser.open(node.baseUrl())) {
            signInToConsole(browser, rita);
            browser.await(d -> browser.path().equals("/console/dashboard.xhtml"));
        }
        assertEquals(second, user("rita").getJsonObject("ssoBinding").getString("subject"), "bound anew at the next sign-on");
    }
}

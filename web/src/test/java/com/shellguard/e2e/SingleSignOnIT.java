package com.shellguard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
 * are refused with their audit rows.
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

    private static final Pattern PROMPT = Pattern.compile("Open (\\S+) in a browser, sign in and enter the code (\\S+); then press Enter:");

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
        try (Terminal t = ssh("ulla", "echo should-not-run")) {
            Shown shown = shown(t);
            signInOnDevicePage(shown, TestIdentityProvider.MALLORY, true);
            t.line("");
            t.waitFor("single sign-on refused: SSO_WRONG_USER: signed in as mallory, not ulla");
            String screen = t.waitFor("\\[exited \\d+\\]");
            assertFalse(screen.contains("\nshould-not-run"), screen);
        }
        admin.awaitAuthEvent("ulla", e -> !e.getBoolean("success") && "SSO".equals(e.getString("method", null))
                && e.getString("reason", "").startsWith("SSO_WRONG_USER"));
        assertEquals(404, admin.admin.get("/users/mallory").status(), "mallory's sign-in made no account");
    }

    @Test
    @Order(6)
    void aPersonWhoDeclinesAtTheProviderIsRefusedAndAudited() {
        try (Terminal t = ssh("ulla", "echo should-not-run")) {
            Shown shown = shown(t);
            signInOnDevicePage(shown, TestIdentityProvider.ULLA, false);
            t.line("");
            t.waitFor("single sign-on refused: SSO_DENIED");
            String screen = t.waitFor("\\[exited \\d+\\]");
            assertFalse(screen.contains("\nshould-not-run"), screen);
        }
        admin.awaitAuthEvent("ulla", e -> !e.getBoolean("success") && "SSO".equals(e.getString("method", null))
                && e.getString("reason", "").startsWith("SSO_DENIED"));
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
    void aLocalAccountIsNeverOfferedSingleSignOnOverSsh() {
        Provisioning.Access local = admin.access("ssolocal");
        try (Terminal t = Terminal.open(List.of("ssh", "-p", String.valueOf(node.sshPort()), "-o", "StrictHostKeyChecking=no",
                "-o", "UserKnownHostsFile=/dev/null", "-o", "PubkeyAuthentication=no", "-o", "PreferredAuthentications=keyboard-interactive,password",
                "-tt", local.person().name() + "@" + local.server() + "@127.0.0.1", "echo local-$((6*7))"), List.of(), 200, 40)) {
            String screen = t.waitFor("(?i)password:");
            assertFalse(screen.contains("enter the code"), screen);
            t.line(local.person().password());
            t.waitFor("(?m)^local-42");
        }
    }
}

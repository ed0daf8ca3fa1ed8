package com.shellguard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The TOTP second factor over the stock OpenSSH client: enrolled over the API, the codes computed here as an
 * authenticator app computes them (RFC 6238, written again for the test), typed at ssh's "Verification code:"
 * prompt in a real terminal, each once; recovery codes once; scp prompts alike; a person the requirement covers
 * without a factor is refused with a message; and HTTP Basic refuses an account with a factor.
 */
class TotpIT {

    private static final Fixture FX = Fixture.shared();

    /** What a phone's authenticator app does with the enrolment's secret. */
    static final class App {
        private final byte[] key;
        private long lastStep;

        App(String base32) {
            this.key = base32Decode(base32);
        }

        String code(long step) {
            try {
                Mac mac = Mac.getInstance("HmacSHA1");
                mac.init(new SecretKeySpec(key, "HmacSHA1"));
                byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
                int o = h[19] & 0xf;
                int bin = ((h[o] & 0x7f) << 24) | ((h[o + 1] & 0xff) << 16) | ((h[o + 2] & 0xff) << 8) | (h[o + 3] & 0xff);
                return String.format(Locale.ROOT, "%06d", bin % 1_000_000);
            } catch (java.security.GeneralSecurityException e) {
                throw new AssertionError(e);
            }
        }

        static long now() {
            return System.currentTimeMillis() / 30_000;
        }

        /** A code of a step not used yet that the gateway accepts now, waiting for the clock when needed. */
        String nextCode() {
            long step = Math.max(now(), lastStep + 1);
            while (step > now() + 1) {
                Processes.sleep(Duration.ofSeconds(1));
            }
            lastStep = step;
            return code(step);
        }

        String lastCode() {
            return code(lastStep);
        }

        /** Six digits that are no code of the window around now. */
        String wrongCode() {
            List<String> window = new ArrayList<>();
            for (long s = now() - 2; s <= now() + 2; s++) {
                window.add(code(s));
            }
            for (int d = 0; ; d++) {
                String guess = String.valueOf(d).repeat(6);
                if (!window.contains(guess)) {
                    return guess;
                }
            }
        }

        private static byte[] base32Decode(String text) {
            String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            int buffer = 0;
            int bits = 0;
            for (char c : text.toCharArray()) {
                buffer = (buffer << 5) | alphabet.indexOf(c);
                bits += 5;
                if (bits >= 8) {
                    out.write((buffer >> (bits - 8)) & 0xff);
                    bits -= 8;
                }
            }
            return out.toByteArray();
        }
    }

    record Enrolment(App app, List<String> recoveryCodes) {
    }

    private static Enrolment enrol(String name) {
        JsonObject issued = FX.admin.post("/users/" + name + "/totp", "").expect(201).object();
        String secret = issued.getString("secret");
        assertTrue(issued.getString("uri").startsWith("otpauth://totp/ShellGuard%3A" + name + "?secret=" + secret + "&issuer=ShellGuard"),
                issued.getString("uri"));
        assertEquals(10, issued.getJsonArray("recoveryCodes").size());
        App app = new App(secret);
        FX.admin.post("/users/" + name + "/totp/confirm", "{\"code\":\"" + app.nextCode() + "\"}").expect(204);
        assertTrue(FX.admin.get("/users/" + name + "/totp").expect(200).object().getBoolean("active"));
        return new Enrolment(app, Provisioning.strings(issued.getJsonArray("recoveryCodes")));
    }

    /** ssh or scp as a person types it: a key, then whatever the server asks on the terminal. */
    private static Terminal terminal(String program, Provisioning.Person person, List<String> arguments, String... extraOptions) {
        List<String> cmd = new ArrayList<>(List.of(program, program.equals("scp") ? "-P" : "-p", String.valueOf(FX.gateway.sshPort()),
                "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
                "-i", person.key().toString(), "-o", "IdentitiesOnly=yes",
                "-o", "PreferredAuthentications=publickey,keyboard-interactive"));
        cmd.addAll(List.of(extraOptions));
        cmd.addAll(arguments);
        return Terminal.open(cmd, List.of(), 120, 40);
    }

    private static boolean event(JsonObject e, boolean success, String method, String reason) {
        return e.getBoolean("success") == success && method.equals(e.getString("method", null))
                && (reason == null || reason.equals(e.getString("reason", null)));
    }

    @Test
    void aPersonWithTotpAnswersTheVerificationCodeAfterTheKeyAndGetsAShell() {
        Provisioning.Access access = FX.access("totp");
        Enrolment enrolment = enrol(access.person().name());
        try (Terminal t = terminal("ssh", access.person(), List.of("-tt", access.person().name() + "@" + access.server() + "@127.0.0.1"))) {
            t.waitFor("Verification code:");
            t.line(enrolment.app().nextCode());
            t.line("echo totp-$((6*7))");
            t.waitFor("^totp-42");
            t.line("exit");
            assertEquals(0, t.awaitExit(), t.tail());
        }
        FX.awaitAuthEvent(access.person().name(), e -> event(e, true, "TOTP", null));
    }

    @Test
    void aWrongCodeAndAReplayedOneAreRefusedAndAuditedAndARecoveryCodeWorksOnce() {
        Provisioning.Access access = FX.access("totpbad");
        String name = access.person().name();
        Enrolment enrolment = enrol(name);
        String destination = name + "@" + access.server() + "@127.0.0.1";
        String recovery = enrolment.recoveryCodes().get(0);
        try (Terminal t = terminal("ssh", access.person(), List.of("-tt", destination, "echo in-$((6*7))"))) {
            t.waitFor("Verification code:");
            t.line(enrolment.app().wrongCode());
            t.waitFor("wrong verification code");
            t.waitFor("(?s)wrong verification code.*Verification code:");
            t.line(enrolment.app().lastCode()); // the code the confirmation used
            t.waitFor("used already");
            t.waitFor("(?s)used already.*Verification code:");
            t.line(recovery);
            t.waitFor("^in-42");
            assertEquals(0, t.awaitExit(), t.tail());
        }
        FX.awaitAuthEvent(name, e -> event(e, false, "TOTP", "TOTP_INVALID"));
        FX.awaitAuthEvent(name, e -> event(e, false, "TOTP", "TOTP_REPLAYED"));
        FX.awaitAuthEvent(name, e -> event(e, true, "TOTP", "recovery code used, 9 left"));

        try (Terminal t = terminal("ssh", access.person(), List.of("-tt", destination, "echo in-$((6*7))"),
                "-o", "NumberOfPasswordPrompts=1")) {
            t.waitFor("Verification code:");
            t.line(recovery);
            assertNotEquals(0, t.awaitExit(), "a recovery code works once: " + t.tail());
            assertTrue(!t.screen().contains("in-42"), t.tail());
        }
        long invalid = FX.admin.get("/audit/auth?user=" + name + "&limit=100").expect(200).array().stream()
                .map(v -> v.asJsonObject()).filter(e -> event(e, false, "TOTP", "TOTP_INVALID")).count();
        assertEquals(2, invalid, "the wrong code and the spent recovery code");
    }

    @Test
    void scpPromptsForTheCodeOnTheTerminalAndCopies() throws Exception {
        Provisioning.Access access = FX.access("totpscp");
        Enrolment enrolment = enrol(access.person().name());
        Path copy = Files.createTempFile("sg-totp-scp", "");
        Files.delete(copy);
        try (Terminal t = terminal("scp", access.person(),
                List.of(access.person().name() + "@" + access.server() + "@127.0.0.1:/etc/hostname", copy.toString()))) {
            t.waitFor("Verification code:");
            t.line(enrolment.app().nextCode());
            assertEquals(0, t.awaitExit(), t.tail());
        }
        assertTrue(Files.size(copy) > 0, "the file arrived");
    }

    @Test
    void aPersonWhoseGroupRequiresASecondFactorIsRefusedUntilTheyEnrolThemselvesWithTheirPassword() {
        Provisioning.Access access = FX.access("mfareq");
        String name = access.person().name();
        String group = Provisioning.unique("mfa");
        FX.admin.put("/users/" + name, "{\"groups\":[\"" + group + "\"]}").expect(200);
        FX.admin.put("/settings/mfa", "{\"required\":[\"" + group + "\"]}").expect(200);
        try {
            Processes.Result refused = FX.keyClient(access.person()).ssh(name + "@" + access.server(), "echo should-not-run");
            assertNotEquals(0, refused.exitCode(), refused.output());
            assertTrue(refused.output().contains("must log in with a second factor"), refused.output());
            FX.awaitAuthEvent(name, e -> event(e, false, "PUBLICKEY", "MFA_NOT_ENROLLED"));
            try (Browser b = Browser.open(FX.gateway.baseUrl())) {
                b.logIn(name, access.person().password());
                assertEquals("/login.xhtml", b.path(), "the console's My access page is no way around the requirement");
                assertTrue(b.text(By.id("messages")).contains("must log in with a second factor"), b.text(By.id("messages")));
                assertEquals(302, b.fetch("/console/my-access.xhtml").statusCode());
            }
            FX.awaitAuthEvent(name, e -> event(e, false, "CONSOLE", "MFA_NOT_ENROLLED"));

            Api own = Api.basic(FX.gateway.baseUrl(), name, access.person().password());
            assertEquals(401, own.get("/users").status(), "a USER still has no other use of the REST API");
            Provisioning.Person other = FX.person("other");
            assertEquals(401, own.post("/users/" + other.name() + "/totp", "").status(), "nor of anyone else's enrolment");
            JsonObject issued = own.post("/users/" + name + "/totp", "").expect(201).object();
            App app = new App(issued.getString("secret"));
            own.post("/users/" + name + "/totp/confirm", "{\"code\":\"" + app.nextCode() + "\"}").expect(204);

            try (Terminal t = terminal("ssh", access.person(), List.of("-tt", name + "@" + access.server() + "@127.0.0.1",
                    "echo enrolled-$((6*7))"))) {
                t.waitFor("Verification code:");
                t.line(app.nextCode());
                t.waitFor("^enrolled-42");
                assertEquals(0, t.awaitExit(), t.tail());
            }
        } finally {
            FX.admin.put("/settings/mfa", "{\"required\":\"none\"}").expect(200);
        }
        assertEquals("none", FX.admin.get("/settings/mfa").expect(200).object().getString("required"));
    }

    @Test
    void httpBasicRefusesAnAccountWithASecondFactorWhichUsesATokenInstead() {
        Provisioning.Person ops = FX.person("totpadmin", "ADMIN");
        Api basic = Api.basic(FX.gateway.baseUrl(), ops.name(), ops.password());
        String token = basic.post("/tokens", "{\"name\":\"automation\"}").expect(201).object().getString("token");
        enrol(ops.name());
        Api.Response refused = basic.get("/users");
        assertEquals(401, refused.status(), refused.body());
        assertTrue(refused.body().contains("token"), refused.body());
        FX.awaitAuthEvent(ops.name(), e -> !e.getBoolean("success") && "API".equals(e.getString("method", null))
                && e.getString("reason", "").contains("second factor"));
        assertEquals(200, Api.bearer(FX.gateway.baseUrl(), token).get("/users").status());
    }

    @Test
    void theConsoleAsksForTheCodeAfterThePasswordAndEnrolsAPersonWithAQrCode() {
        Provisioning.Person ops = FX.person("totpcon", "ADMIN");
        Enrolment enrolment = enrol(ops.name());
        try (Browser b = Browser.open(FX.gateway.baseUrl())) {
            b.logIn(ops.name(), ops.password());
            assertEquals("/login.xhtml", b.path());
            assertTrue(b.present(By.id("code:code")), "the password alone logs nobody in; the page asks for the code");
            assertEquals(302, b.fetch("/console/dashboard.xhtml").statusCode(), "the session is not logged in before the code");

            b.type(By.id("code:code"), enrolment.app().wrongCode());
            b.click(By.id("code:verify"));
            assertTrue(b.text(By.id("messages")).contains("Wrong or already used code"), b.text(By.id("messages")));
            FX.awaitAuthEvent(ops.name(), e -> event(e, false, "CONSOLE", "TOTP_INVALID"));

            b.type(By.id("code:code"), enrolment.app().nextCode());
            b.click(By.id("code:verify"));
            assertEquals("/console/dashboard.xhtml", b.path());
            FX.awaitAuthEvent(ops.name(), e -> event(e, true, "CONSOLE", "TOTP"));

            String newcomer = Provisioning.unique("qr");
            b.go("/console/users.xhtml");
            b.type(By.id("form:username"), newcomer);
            b.type(By.id("form:password"), "Newcomer-pass-1");
            b.click(By.id("form:save"));
            b.click(By.id("totp:enrol"));
            b.screenshot("totp-enrolment");
            assertTrue(b.present(By.id("totp-qr")), "the enrolment shows a QR code: " + b.text(By.tagName("body")));
            assertTrue(String.valueOf(b.script("return document.getElementById('totp-qr').src")).startsWith("data:image/svg+xml;base64,"));
            String secret = b.text(By.id("totp-secret"));
            assertEquals(10, b.all(By.cssSelector("#totp-recovery li")).size());
            assertTrue(FX.admin.get("/users/" + newcomer + "/totp").expect(200).object().getBoolean("pending"));

            b.type(By.id("totp:confirmCode"), new App(secret).nextCode());
            b.click(By.id("totp:confirm"));
            assertTrue(b.text(By.id("totp:totp-state")).startsWith("Active"), b.text(By.id("totp:totp-state")));
            assertTrue(FX.admin.get("/users/" + newcomer + "/totp").expect(200).object().getBoolean("active"));
        }
    }
}

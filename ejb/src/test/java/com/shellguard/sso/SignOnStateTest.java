package com.shellguard.sso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SignOnStateTest {

    private static final URI CALLBACK = URI.create("https://gateway.example.com/sso/callback");
    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    private static SsoConfig config(String secret) {
        return SsoConfig.of("https://sso.example.com/realms/corp", "shellguard", secret, "preferred_username", "groups",
                null, null, "true", null, "5", "0");
    }

    private final SignOnState sealing = SignOnState.of(config("the-client-secret"));
    private final SignOnState.Pending pending = SignOnState.Pending.start(CALLBACK, NOW);
    private final String cookie = sealing.seal(pending);

    @Test
    void theBrowserGivesBackWhatTheGatewaySealedForItsState() {
        assertEquals(pending, sealing.open(cookie, pending.state(), NOW.plusSeconds(60)).orElseThrow());
        assertEquals(pending, SignOnState.of(config("the-client-secret")).open(cookie, pending.state(), NOW).orElseThrow(),
                "another node with the same settings opens it (no sticky sessions)");
    }

    @Test
    void theCookieHidesTheVerifierAndNonce() {
        String inside = new String(Base64.getUrlDecoder().decode(cookie), StandardCharsets.ISO_8859_1);
        assertTrue(!inside.contains(pending.codeVerifier()) && !inside.contains(pending.nonce()) && !inside.contains(pending.state()));
        assertNotEquals(cookie, sealing.seal(pending), "a fresh IV every time");
    }

    @Test
    void anotherStateAnAlteredCookieAnotherKeyOrALateAnswerOpenNothing() {
        assertTrue(sealing.open(cookie, SignOnState.Pending.start(CALLBACK, NOW).state(), NOW).isEmpty(), "another sign-on's state");
        assertTrue(sealing.open(cookie, pending.state(), NOW.plus(SignOnState.VALID)).isEmpty(), "after ten minutes");
        assertTrue(SignOnState.of(config("another-secret")).open(cookie, pending.state(), NOW).isEmpty(), "another client secret");
        byte[] bytes = Base64.getUrlDecoder().decode(cookie);
        for (int i = 0; i < bytes.length; i++) {
            byte[] altered = bytes.clone();
            altered[i] ^= 1;
            assertTrue(sealing.open(Base64.getUrlEncoder().withoutPadding().encodeToString(altered), pending.state(), NOW).isEmpty(),
                    "byte " + i + " altered");
        }
        for (String junk : new String[] {"", "x", "!!!", "AAAA", "A".repeat(5000)}) {
            assertTrue(sealing.open(junk, pending.state(), NOW).isEmpty(), junk);
        }
        assertTrue(sealing.open(null, pending.state(), NOW).isEmpty());
        assertTrue(sealing.open(cookie, null, NOW).isEmpty());
    }

    @Test
    void theChallengeIsTheVerifiersSha256AsRfc7636Says() {
        // RFC 7636 appendix B
        SignOnState.Pending rfc = new SignOnState.Pending("s", "n", "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk", CALLBACK,
                NOW.plus(Duration.ofMinutes(1)));
        assertEquals("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", rfc.codeChallenge());
        assertEquals(43, pending.codeVerifier().length(), "256 random bits");
    }
}

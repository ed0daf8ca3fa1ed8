package com.shellguard.totp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The TOTP math against the test vectors of RFC 6238, appendix B (8 digits, the RFC's seeds). */
class TotpCodeTest {

    private static byte[] seed(String algorithm) {
        String ascii = switch (algorithm) {
            case "HmacSHA1" -> "12345678901234567890";
            case "HmacSHA256" -> "12345678901234567890123456789012";
            default -> "1234567890123456789012345678901234567890123456789012345678901234";
        };
        return ascii.getBytes(StandardCharsets.US_ASCII);
    }

    @ParameterizedTest
    @CsvSource({
            "59, HmacSHA1, 94287082", "59, HmacSHA256, 46119246", "59, HmacSHA512, 90693936",
            "1111111109, HmacSHA1, 07081804", "1111111109, HmacSHA256, 68084774", "1111111109, HmacSHA512, 25091201",
            "1111111111, HmacSHA1, 14050471", "1111111111, HmacSHA256, 67062674", "1111111111, HmacSHA512, 99943326",
            "1234567890, HmacSHA1, 89005924", "1234567890, HmacSHA256, 91819424", "1234567890, HmacSHA512, 93441116",
            "2000000000, HmacSHA1, 69279037", "2000000000, HmacSHA256, 90698825", "2000000000, HmacSHA512, 38618901",
            "20000000000, HmacSHA1, 65353130", "20000000000, HmacSHA256, 77737706", "20000000000, HmacSHA512, 47863826"})
    void theCodesAreThoseOfTheRfcTestVectors(long unixTime, String algorithm, String expected) {
        long step = TotpCode.step(Instant.ofEpochSecond(unixTime));
        assertEquals(expected, TotpCode.of(seed(algorithm), step, 8, algorithm));
    }

    @Test
    void theSixDigitsAnAppShowsAreTheLastSixOfTheRfcCodeWithLeadingZerosKept() {
        assertEquals("081804", TotpCode.of(seed("HmacSHA1"), TotpCode.step(Instant.ofEpochSecond(1111111109))));
        assertEquals("287082", TotpCode.of(seed("HmacSHA1"), 1));
    }

    @Test
    void aCodeMatchesOnlyItsOwnStep() {
        byte[] key = seed("HmacSHA1");
        assertTrue(TotpCode.matches(key, 1, "287082"));
        assertFalse(TotpCode.matches(key, 2, "287082"));
        assertFalse(TotpCode.matches(key, 1, "28708"));
    }

    @Test
    void base32RoundTripsAndReadsWhatAPersonTypes() {
        byte[] key = seed("HmacSHA1");
        String encoded = Base32.encode(key);
        assertEquals("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", encoded);
        assertEquals(new String(key, StandardCharsets.US_ASCII),
                new String(Base32.decode("gezd gnbv gy3t qojq gezd gnbv gy3t qojq"), StandardCharsets.US_ASCII));
    }

    @Test
    void theKeyUriIsTheOneAuthenticatorAppsRead() {
        assertEquals("otpauth://totp/ShellGuard%3Aalice?secret=ABC&issuer=ShellGuard&algorithm=SHA1&digits=6&period=30",
                TotpEnrolments.uri("alice", "ABC"));
    }
}

package com.shellguard.totp;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The one-time password of RFC 6238 (TOTP, built on RFC 4226's HOTP): an HMAC of the number of 30-second steps
 * since the epoch, truncated to a few decimal digits. Authenticator apps use SHA-1 and 6 digits, which is what
 * ShellGuard issues; the algorithm and length are parameters so the RFC's test vectors can check the math.
 */
public final class TotpCode {

    public static final int STEP_SECONDS = 30;
    public static final int DIGITS = 6;
    public static final String ALGORITHM = "HmacSHA1";

    private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private TotpCode() {
    }

    /** The time step an instant falls in. */
    public static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
    }

    /** The code of {@code step} for a key, as the 6 digits an app shows (leading zeros kept). */
    public static String of(byte[] key, long step) {
        return of(key, step, DIGITS, ALGORITHM);
    }

    static String of(byte[] key, long step, int digits, String algorithm) {
        if (digits < 1 || digits > 8) {
            throw new IllegalArgumentException("a code has 1 to 8 digits, not " + digits);
        }
        byte[] hash;
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, "RAW"));
            hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is not available", e);
        }
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
        String code = Integer.toString(binary % POWERS[digits]);
        return "0".repeat(digits - code.length()) + code;
    }

    /** Whether {@code offered} is the code of {@code step}, compared in constant time. */
    static boolean matches(byte[] key, long step, String offered) {
        return MessageDigest.isEqual(of(key, step).getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                offered.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
}

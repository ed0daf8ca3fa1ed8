package com.shellguard.sso;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A console sign-on under way (sent to the provider, not back yet), kept by the browser itself: its state, nonce,
 * PKCE verifier and redirect URI, sealed with AES-256-GCM into the value of a short-lived cookie that only the
 * callback reads. The gateway keeps nothing per sign-on, so requests nobody authenticated cannot fill anything and
 * deny sign-on to others, and any node of a cluster can finish a sign-on another started (no sticky sessions).
 *
 * <p>The key is derived (HMAC-SHA256) from the client secret, issuer and client id, which every node of a cluster
 * shares; changing any of them voids the sign-ons under way. The seal is authenticated, so a browser can neither read
 * the verifier nor forge or alter a value; the callback takes the cookie only with the {@code state} it names, which
 * binds the provider's answer to the browser that started the sign-on (no login CSRF). One sign-on per browser at a
 * time: a second one replaces the first's cookie.
 */
public final class SignOnState {

    /** How long a person has at the provider before the callback refuses the answer ({@code SSO_STATE}). */
    public static final Duration VALID = Duration.ofMinutes(10);

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte VERSION = 1;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int MAX_VALUE = 4096;

    /** What the callback needs to finish the sign-on it started. */
    public record Pending(String state, String nonce, String codeVerifier, URI redirectUri, Instant expires) {

        /** A fresh sign-on to the redirect URI: random state, nonce and verifier of 256 bits each. */
        public static Pending start(URI redirectUri, Instant now) {
            return new Pending(random(), random(), random(), redirectUri, now.plus(VALID).truncatedTo(ChronoUnit.SECONDS));
        }

        /** The PKCE S256 challenge of the verifier (RFC 7636 section 4.2). */
        public String codeChallenge() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(codeVerifier.getBytes(StandardCharsets.US_ASCII)));
        }
    }

    private final SecretKeySpec key;

    SignOnState(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /** The sealing of the configured client: the same on every node with the same settings. */
    public static SignOnState of(SsoConfig config) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(config.clientSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return new SignOnState(mac.doFinal(("shellguard console sign-on state 1\n" + config.issuer() + "\n" + config.clientId())
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The cookie value: version, IV, and the sealed fields, base64url. */
    public String seal(Pending pending) {
        byte[] plain = String.join("\n", pending.state(), pending.nonce(), pending.codeVerifier(), pending.redirectUri().toString(),
                Long.toString(pending.expires().getEpochSecond())).getBytes(StandardCharsets.UTF_8);
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, iv);
            byte[] sealed = cipher.doFinal(plain);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    ByteBuffer.allocate(1 + IV_BYTES + sealed.length).put(VERSION).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The sign-on a cookie holds, when it was sealed here, is for this state and has not expired; empty for anything
     * else (no cookie, another key, altered, another sign-on's, too old), which the callback refuses alike.
     */
    public Optional<Pending> open(String cookie, String state, Instant now) {
        if (cookie == null || state == null || cookie.length() > MAX_VALUE) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(cookie);
            if (bytes.length < 1 + IV_BYTES + TAG_BITS / 8 || bytes[0] != VERSION) {
                return Optional.empty();
            }
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOfRange(bytes, 1, 1 + IV_BYTES));
            String[] fields = new String(cipher.doFinal(bytes, 1 + IV_BYTES, bytes.length - 1 - IV_BYTES), StandardCharsets.UTF_8)
                    .split("\n", -1);
            if (fields.length != 5) {
                return Optional.empty();
            }
            Pending pending = new Pending(fields[0], fields[1], fields[2], URI.create(fields[3]),
                    Instant.ofEpochSecond(Long.parseLong(fields[4])));
            boolean sameState = MessageDigest.isEqual(pending.state().getBytes(StandardCharsets.UTF_8), state.getBytes(StandardCharsets.UTF_8));
            return sameState && now.isBefore(pending.expires()) ? Optional.of(pending) : Optional.empty();
        } catch (GeneralSecurityException | IllegalArgumentException e) { // a bad tag, bad base64, a bad number or URI
            return Optional.empty();
        }
    }

    private Cipher cipher(int mode, byte[] iv) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(new byte[] {VERSION});
        return cipher;
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

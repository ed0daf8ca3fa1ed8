package com.shellguard.export;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature a webhook receiver checks: {@code X-ShellGuard-Signature: sha256=HEX}, HMAC-SHA256 of the request
 * body's bytes under the destination's secret (its UTF-8 bytes), lower-case hex.
 */
public final class WebhookSignature {

    public static final String HEADER = "X-ShellGuard-Signature";
    public static final String EVENT_HEADER = "X-ShellGuard-Event";

    private WebhookSignature() {
    }

    public static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}

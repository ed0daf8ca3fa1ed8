package com.shellguard.openssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SshPublicKeyTest {

    /** Made with ssh-keygen; the fingerprints below are what {@code ssh-keygen -lf} printed for them. */
    static final String ED25519 = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGMfyZ7uuwd3nWKr5V2Y3PXkeAAGQjL2ihDhNxQOno/i";
    static final String ECDSA_256 = "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBCCK84ClA880bV"
            + "UHcyOFn95QL8tB5t9pAr8E5N9d4Kj2N07zfpLpH8C3/lg42utZ/L4hSDp1EgObT4xkwA33/3c=";
    static final String ECDSA_384 = "ecdsa-sha2-nistp384 AAAAE2VjZHNhLXNoYTItbmlzdHAzODQAAAAIbmlzdHAzODQAAABhBIcVvGF3j8mAmE"
            + "1+aG+7P8+GXQYckhkP8rL8vv79f34oEQ0l+AMRTmr5U0HswkA+ektXkJlyun96cvZmsjlr2a7n8/8pztKdcTSAREuu5DZ4lzQX493Ki4wO6mw8WQ1yyw==";
    static final String ECDSA_521 = "ecdsa-sha2-nistp521 AAAAE2VjZHNhLXNoYTItbmlzdHA1MjEAAAAIbmlzdHA1MjEAAACFBAEHq1FnuZRaDu"
            + "+bolSnYutlpKOqxNUl1R7qqbKQ7NCF2aLOFZghXodNXXkLOVHkGOB2G4ctdbjy/gMeHuZoxdFj5QCZvv/yLnhkqA6NmSsUFnKJgoWbY0VqwoIBCOT7"
            + "mqPjy+YnYLb4wNwdUiFcvGvHDfKwDH1pfeiT1YaS1dP3rQ0drQ==";
    static final String RSA_2048 = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQDlEhuMTyixHACiDEvUKE6Dfiy/FEkDottwXHLPV8H0WVDFa"
            + "ivBPUWQ+Tr6MYJXZx/Eft0zA9SRWCWckpvXAtYy8+rU5vmJDILrRuMj4FMRDpeJ/lrPUVnzqBiYWxjya0u/LOsqKqarAd3GXEpu7BrRGhwiJqwYY"
            + "OqvQfeRYFmoZGZR2jRd1uQmFqnUi5o2RLNcaflLYsct61VERes5ddEFEWSVYNDBU0B+y4WJkF1Xe/jZUbGjMhymdjDEjS4HNPMdy+xL2lVV5bBYxe"
            + "jvfQE+ImvOpYwdrTQ82yCPiANMWsQShTCG7FvHTGBVfqDtNkTJzCT7uwP7PwVUGRYVgRZD";

    @Test
    void keysOfEveryTypeSshKeygenMakesAreAccepted() {
        assertEquals("ssh-ed25519", SshPublicKey.parse(ED25519 + " alice@laptop").type());
        assertEquals("ecdsa-sha2-nistp256", SshPublicKey.parse(ECDSA_256).type());
        assertEquals("ecdsa-sha2-nistp384", SshPublicKey.parse(ECDSA_384).type());
        assertEquals("ecdsa-sha2-nistp521", SshPublicKey.parse(ECDSA_521).type());
        assertEquals("ssh-rsa", SshPublicKey.parse(RSA_2048).type());
    }

    @Test
    void theFingerprintIsWhatSshKeygenPrints() {
        assertEquals("SHA256:4gS867l8xIKiY+VsnTILyObysz+f14INnvG8iXG4nJc", SshPublicKey.parse(ED25519).fingerprint());
        assertEquals("SHA256:R3jhLMPGfK2hUy+YD/e4DF/GqMGN3Y4jDv/d2rnzPF0", SshPublicKey.parse(ECDSA_256).fingerprint());
        assertEquals("SHA256:RuyQ0YfE/trY+A+3MQwhc5H3ECP6rKa5WrCpxpTSLTM", SshPublicKey.parse(RSA_2048).fingerprint());
    }

    @Test
    void theCommentDoesNotMakeADifferentKey() {
        assertTrue(SshPublicKey.sameKey(ED25519 + " one", ED25519 + "   other comment"));
        assertEquals(ED25519, SshPublicKey.parse(ED25519 + " one").toString());
    }

    @Test
    void missingBase64PaddingDoesNotMakeADifferentKey() {
        assertTrue(SshPublicKey.sameKey(ECDSA_256, ECDSA_256.substring(0, ECDSA_256.length() - 1)));
    }

    @Test
    void differentKeysAreDifferent() {
        assertFalse(SshPublicKey.sameKey(ED25519, ECDSA_256));
        assertFalse(SshPublicKey.sameKey(ED25519, "garbage"));
    }

    @Test
    void dataThatIsNotBase64IsRefused() {
        assertRefused("ssh-ed25519 notbase64!!", "not base64");
    }

    @Test
    void aBlobOfAnotherTypeIsRefused() {
        assertRefused("ssh-rsa " + blobOf(ED25519), "does not match its type");
    }

    @Test
    void aTruncatedKeyIsRefused() {
        byte[] blob = Base64.getDecoder().decode(blobOf(RSA_2048));
        assertRefused("ssh-rsa " + Base64.getEncoder().encodeToString(Arrays.copyOf(blob, blob.length - 10)), "truncated");
        assertRefused("ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7", "truncated");
    }

    @Test
    void bytesAfterTheKeyAreRefused() {
        byte[] blob = Base64.getDecoder().decode(blobOf(ED25519));
        assertRefused("ssh-ed25519 " + Base64.getEncoder().encodeToString(Arrays.copyOf(blob, blob.length + 3)), "too many");
    }

    @Test
    void anEd25519KeyOfTheWrongLengthIsRefused() {
        assertRefused("ssh-ed25519 " + encode(wire("ssh-ed25519"), wire(new byte[31])), "32 bytes");
    }

    @Test
    void anEcdsaKeyNamingAnotherCurveIsRefused() {
        byte[] point = new byte[97];
        point[0] = 4;
        assertRefused("ecdsa-sha2-nistp256 " + encode(wire("ecdsa-sha2-nistp256"), wire("nistp384"), wire(point)), "curve nistp384");
    }

    @Test
    void anRsaKeyBelowOpensshsMinimumSizeIsRefused() {
        BigInteger modulus = BigInteger.ONE.shiftLeft(767).add(BigInteger.ONE);
        assertRefused("ssh-rsa " + encode(wire("ssh-rsa"), wire(BigInteger.valueOf(65537).toByteArray()), wire(modulus.toByteArray())),
                "at least 1024 bits");
    }

    @Test
    void unsupportedTypesAndEmptyInputAreRefused() {
        assertRefused("ssh-dss " + encode(wire("ssh-dss"), wire(new byte[20])), "ssh-dss");
        assertRefused("", "no key");
        assertRefused(null, "no key");
        assertRefused("AAAAC3NzaC1lZDI1NTE5AAAAIGMfyZ7uuwd3nWKr5V2Y3PXkeAAGQjL2ihDhNxQOno/i", "type base64");
    }

    private static void assertRefused(String text, String reason) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SshPublicKey.parse(text));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    private static String blobOf(String key) {
        return key.split(" ")[1];
    }

    private static byte[] wire(String text) {
        return wire(text.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] wire(byte[] value) {
        return ByteBuffer.allocate(4 + value.length).putInt(value.length).put(value).array();
    }

    private static String encode(byte[]... fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] field : fields) {
            out.writeBytes(field);
        }
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }
}

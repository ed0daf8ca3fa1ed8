package com.shellguard.openssh;

import static com.shellguard.openssh.KnownKeys.ECDSA_256;
import static com.shellguard.openssh.KnownKeys.ECDSA_384;
import static com.shellguard.openssh.KnownKeys.ECDSA_521;
import static com.shellguard.openssh.KnownKeys.ED25519;
import static com.shellguard.openssh.KnownKeys.RSA_2048;
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
        assertRefused("ssh-ed25519 " + Base64.getEncoder().encodeToString(Arrays.copyOf(blob, blob.length + 3)), "not part of the");
    }

    @Test
    void anEd25519KeyOfTheWrongLengthIsRefused() {
        assertRefused("ssh-ed25519 " + encode(wire("ssh-ed25519"), wire(new byte[31])), "not a valid ssh-ed25519 key");
    }

    @Test
    void anEcdsaKeyNamingAnotherCurveIsRefused() {
        byte[] point = new byte[97];
        point[0] = 4;
        assertRefused("ecdsa-sha2-nistp256 " + encode(wire("ecdsa-sha2-nistp256"), wire("nistp384"), wire(point)), "not a valid ecdsa-sha2-nistp256 key");
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

package com.shellguard.openssh;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * An OpenSSH public key as a value: its type and its base64 blob, without the comment. Every instance has
 * been read field by field, so two instances are the same key exactly when they are equal.
 */
public record SshPublicKey(String type, String blob) {

    public SshPublicKey {
        if (type == null || blob == null) {
            throw new IllegalArgumentException("a key needs a type and base64 data");
        }
        SshKeyType keyType = SshKeyType.named(type).orElseThrow(() -> new IllegalArgumentException(
                "the key type " + type + " is not one of ssh-ed25519, ecdsa-sha2-nistp256/384/521, ssh-rsa"));
        byte[] data = decode(blob);
        SshWireReader in = new SshWireReader(data);
        String inner = in.text();
        if (!keyType.sshName().equals(inner)) {
            throw new IllegalArgumentException("the key data does not match its type " + type);
        }
        keyType.readFields(in);
        in.end();
        blob = Base64.getEncoder().encodeToString(data);
    }

    /** Reads one {@code authorized_keys} style line: {@code type base64 [comment]}. */
    public static SshPublicKey parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("no key given");
        }
        String[] parts = text.trim().split("\\s+");
        if (parts.length < 2) {
            throw new IllegalArgumentException("expected \"type base64 [comment]\"");
        }
        return new SshPublicKey(parts[0], parts[1]);
    }

    /** Whether two OpenSSH texts hold the same key; a text that is not a valid key matches nothing. */
    public static boolean sameKey(String a, String b) {
        try {
            return parse(a).equals(parse(b));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** As {@code ssh-keygen -l} prints it: {@code SHA256:} and the unpadded base64 of the blob's SHA-256. */
    public String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Base64.getDecoder().decode(blob));
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return type + " " + blob;
    }

    private static byte[] decode(String blob) {
        try {
            return Base64.getDecoder().decode(blob);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the key data is not base64");
        }
    }
}

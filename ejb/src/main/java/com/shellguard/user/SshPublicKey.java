package com.shellguard.user;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Set;

/**
 * An OpenSSH public key ({@code ssh-ed25519 AAAA... comment}) as a value: its type and key blob. Two keys
 * are the same key when type and blob are equal, whatever their comments. Parsing checks that the blob
 * is base64 and names the same type inside, which catches truncated and pasted-wrong keys.
 */
public record SshPublicKey(String type, String blob) {

    private static final Set<String> TYPES = Set.of("ssh-ed25519", "ssh-rsa", "ecdsa-sha2-nistp256",
            "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521", "sk-ssh-ed25519@openssh.com", "sk-ecdsa-sha2-nistp256@openssh.com");

    public static SshPublicKey parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("no key");
        }
        String[] parts = text.trim().split("\\s+");
        if (parts.length < 2 || !TYPES.contains(parts[0])) {
            throw new IllegalArgumentException("not an OpenSSH public key of a known type");
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the key data is not base64");
        }
        ByteBuffer buffer = ByteBuffer.wrap(decoded);
        if (buffer.remaining() < 4) {
            throw new IllegalArgumentException("the key data is truncated");
        }
        int length = buffer.getInt();
        if (length <= 0 || length > buffer.remaining()) {
            throw new IllegalArgumentException("the key data is truncated");
        }
        byte[] inner = new byte[length];
        buffer.get(inner);
        if (!parts[0].equals(new String(inner, StandardCharsets.US_ASCII)) || !buffer.hasRemaining()) {
            throw new IllegalArgumentException("the key data does not match its type " + parts[0]);
        }
        return new SshPublicKey(parts[0], parts[1]);
    }

    public static boolean sameKey(String a, String b) {
        try {
            return parse(a).equals(parse(b));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** As OpenSSH prints it: {@code SHA256:} and the unpadded base64 of the blob's SHA-256. */
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
}

package com.shellguard.openssh;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.List;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;

/**
 * An OpenSSH public key as a value: its type and its base64 blob, without the comment. Every instance has been
 * decoded by MINA into a key and encoded back to the same blob, so two instances are the same key exactly when
 * they are equal.
 */
public record SshPublicKey(String type, String blob) {

    /** The types accepted; OpenSSH dropped {@code ssh-dss}, and a certificate is not a key to pin or log in with. */
    static final List<String> TYPES = List.of("ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521",
            "sk-ssh-ed25519@openssh.com", "sk-ecdsa-sha2-nistp256@openssh.com", "ssh-rsa");

    /** OpenSSH refuses shorter RSA keys too. */
    static final int MIN_RSA_BITS = 1024;

    public SshPublicKey {
        if (type == null || blob == null) {
            throw new IllegalArgumentException("a key needs a type and base64 data");
        }
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("the key type " + type + " is not one of ssh-ed25519, ecdsa-sha2-nistp256/384/521, ssh-rsa"
                    + " (or their sk- security-key forms)");
        }
        byte[] data = decode(blob);
        String inner = innerType(data);
        if (!type.equals(inner)) {
            throw new IllegalArgumentException("the key data does not match its type " + type);
        }
        PublicKey key = resolve(type, data);
        String canonical = PublicKeyEntry.toString(key);
        blob = Base64.getEncoder().encodeToString(data);
        if (!canonical.equals(type + " " + blob)) {
            throw new IllegalArgumentException("the key data has bytes that are not part of the " + type + " key");
        }
        if (key instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() < MIN_RSA_BITS) {
            throw new IllegalArgumentException("an RSA key must have at least " + MIN_RSA_BITS + " bits, this one has "
                    + rsa.getModulus().bitLength());
        }
    }

    /** Reads one {@code authorized_keys} style line without options: {@code type base64 [comment]}. */
    public static SshPublicKey parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("no key given");
        }
        PublicKeyEntry entry;
        try {
            entry = PublicKeyEntry.parsePublicKeyEntry(text.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(String.valueOf(e.getMessage()).contains("base64") ? "the key data is not base64"
                    : "expected \"type base64 [comment]\"");
        }
        if (entry == null) {
            throw new IllegalArgumentException("no key given");
        }
        return new SshPublicKey(entry.getKeyType(), Base64.getEncoder().encodeToString(entry.getKeyData()));
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

    private static String innerType(byte[] data) {
        try {
            return new ByteArrayBuffer(data).getString();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the key data is truncated");
        }
    }

    private static PublicKey resolve(String type, byte[] data) {
        try {
            PublicKey key = new PublicKeyEntry(type, data).resolvePublicKey(null, null, PublicKeyEntryResolver.FAILING);
            if (key == null) {
                throw new IllegalArgumentException("the key type " + type + " cannot be read here");
            }
            return key;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            if (e instanceof IllegalArgumentException refusal && refusal.getMessage() != null && refusal.getMessage().startsWith("the key")) {
                throw refusal;
            }
            throw new IllegalArgumentException("the key data is not a valid " + type + " key (" + (e instanceof java.io.EOFException
                    ? "truncated" : e.getMessage()) + ")");
        }
    }
}

package com.shellguard.openssh;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.XECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.security.spec.XECPublicKeySpec;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.KeyAgreement;

/**
 * Asks an SSH server for its host key the way a client meets it: version exchange and a curve25519-sha256 key
 * exchange (RFC 8731), whose signature over the exchange hash proves the server holds the key's private half,
 * then hangs up before authenticating. Used to test a server entry from the console without opening a session
 * or changing the pinned key. Only the JDK's cryptography: the EJB module carries no SSH library (the
 * connector has its own, and this must not depend on the connector being deployed).
 */
public final class HostKeyProbe {

    private static final String CLIENT_VERSION = "SSH-2.0-ShellGuard_probe";
    private static final byte KEXINIT = 20;
    private static final byte KEX_ECDH_INIT = 30;
    private static final byte KEX_ECDH_REPLY = 31;
    private static final int MAX_PACKET = 256 * 1024;
    /** The DER prefix of an Ed25519 SubjectPublicKeyInfo, before the 32 key bytes (RFC 8410). */
    private static final byte[] ED25519_X509_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

    /** What the server said about itself: its version line and its host key, proven by its signature. */
    public record Answer(String serverVersion, SshPublicKey hostKey) {
    }

    private HostKeyProbe() {
    }

    /** @throws IOException when the server cannot be reached or does not speak SSH as expected */
    public static Answer probe(String host, int port, Duration timeout) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            DataInputStream in = new DataInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            out.write((CLIENT_VERSION + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String serverVersion = versionLine(in);
            byte[] clientKexInit = kexInit();
            send(out, clientKexInit);
            byte[] serverKexInit = receive(in, KEXINIT);
            KeyPair ephemeral = KeyPairGenerator.getInstance("X25519").generateKeyPair();
            byte[] clientPublic = x25519Bytes((XECPublicKey) ephemeral.getPublic());
            send(out, new Wire().put(KEX_ECDH_INIT).string(clientPublic).bytes());
            byte[] replyPayload = receive(in, KEX_ECDH_REPLY);
            SshWireReader reply = new SshWireReader(Arrays.copyOfRange(replyPayload, 1, replyPayload.length));
            byte[] hostKeyBlob = reply.string();
            byte[] serverPublic = reply.string();
            byte[] signature = reply.string();
            byte[] secret = sharedSecret(ephemeral, serverPublic);
            byte[] exchangeHash = MessageDigest.getInstance("SHA-256").digest(new Wire()
                    .string(CLIENT_VERSION.getBytes(StandardCharsets.US_ASCII))
                    .string(serverVersion.getBytes(StandardCharsets.US_ASCII))
                    .string(clientKexInit).string(serverKexInit).string(hostKeyBlob)
                    .string(clientPublic).string(serverPublic).mpint(new BigInteger(1, secret)).bytes());
            SshPublicKey key = new SshPublicKey(new SshWireReader(hostKeyBlob).text(), Base64.getEncoder().encodeToString(hostKeyBlob));
            if (!verifies(hostKeyBlob, signature, exchangeHash)) {
                throw new IOException("the server's signature does not match the host key it presented");
            }
            return new Answer(serverVersion, key);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException("the server's key exchange could not be checked: " + e.getMessage(), e);
        }
    }

    private static String versionLine(InputStream in) throws IOException {
        for (int lines = 0; lines < 50; lines++) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != '\n') {
                if (b < 0) {
                    throw new IOException("the server closed the connection before saying it speaks SSH");
                }
                if (line.size() > 255) {
                    throw new IOException("the server does not speak SSH");
                }
                line.write(b);
            }
            String text = line.toString(StandardCharsets.US_ASCII).replaceAll("\r$", "");
            if (text.startsWith("SSH-")) {
                if (!text.startsWith("SSH-2.0-") && !text.startsWith("SSH-1.99-")) {
                    throw new IOException("the server speaks an SSH version other than 2: " + text);
                }
                return text;
            }
        }
        throw new IOException("the server does not speak SSH");
    }

    private static byte[] kexInit() {
        byte[] cookie = new byte[16];
        new SecureRandom().nextBytes(cookie);
        String ciphers = "aes128-ctr,aes256-ctr,aes128-gcm@openssh.com,aes256-gcm@openssh.com,chacha20-poly1305@openssh.com";
        String macs = "hmac-sha2-256-etm@openssh.com,hmac-sha2-256,hmac-sha2-512";
        return new Wire().put(KEXINIT).raw(cookie)
                .text("curve25519-sha256,curve25519-sha256@libssh.org")
                .text("ssh-ed25519,ecdsa-sha2-nistp256,ecdsa-sha2-nistp384,ecdsa-sha2-nistp521,rsa-sha2-512,rsa-sha2-256")
                .text(ciphers).text(ciphers).text(macs).text(macs).text("none").text("none").text("").text("")
                .put((byte) 0).raw(new byte[4]).bytes();
    }

    /** An unencrypted binary packet (RFC 4253 section 6), padded to a multiple of 8. */
    private static void send(OutputStream out, byte[] payload) throws IOException {
        int padding = 8 - (payload.length + 5) % 8;
        padding = padding < 4 ? padding + 8 : padding;
        byte[] pad = new byte[padding];
        new SecureRandom().nextBytes(pad);
        out.write(new Wire().uint32(payload.length + padding + 1).put((byte) padding).raw(payload).raw(pad).bytes());
        out.flush();
    }

    /** The next packet's payload of this type, skipping the ones a server may send at any time (ignore, debug). */
    private static byte[] receive(DataInputStream in, byte type) throws IOException {
        while (true) {
            int length = in.readInt();
            if (length < 5 || length > MAX_PACKET) {
                throw new IOException("the server sent a malformed packet");
            }
            byte[] packet = new byte[length];
            in.readFully(packet);
            int padding = packet[0] & 0xff;
            if (padding >= length) {
                throw new IOException("the server sent a malformed packet");
            }
            byte[] payload = Arrays.copyOfRange(packet, 1, length - padding);
            if (payload.length > 0 && payload[0] == type) {
                return payload;
            }
            if (payload.length > 0 && payload[0] == 1) {
                throw new IOException("the server hung up during the key exchange (no algorithm in common?)");
            }
            if (payload.length == 0 || (payload[0] != 2 && payload[0] != 4 && payload[0] != 3)) {
                throw new IOException("the server sent message " + (payload.length == 0 ? -1 : payload[0])
                        + " where the key exchange expected " + type);
            }
        }
    }

    /** X25519 public keys travel as the little-endian u coordinate (RFC 7748). */
    private static byte[] x25519Bytes(XECPublicKey key) {
        byte[] bigEndian = key.getU().toByteArray();
        byte[] little = new byte[32];
        for (int i = 0; i < 32 && i < bigEndian.length; i++) {
            little[i] = bigEndian[bigEndian.length - 1 - i];
        }
        return little;
    }

    private static byte[] sharedSecret(KeyPair ephemeral, byte[] serverPublic) throws GeneralSecurityException {
        if (serverPublic.length != 32) {
            throw new GeneralSecurityException("the server's curve25519 key is not 32 bytes");
        }
        byte[] bigEndian = new byte[32];
        for (int i = 0; i < 32; i++) {
            bigEndian[i] = serverPublic[31 - i];
        }
        bigEndian[0] &= 0x7f;
        PublicKey peer = KeyFactory.getInstance("X25519")
                .generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, new BigInteger(1, bigEndian)));
        KeyAgreement agreement = KeyAgreement.getInstance("X25519");
        agreement.init(ephemeral.getPrivate());
        agreement.doPhase(peer, true);
        return agreement.generateSecret();
    }

    private static boolean verifies(byte[] hostKeyBlob, byte[] signatureBlob, byte[] data) throws GeneralSecurityException {
        SshWireReader key = new SshWireReader(hostKeyBlob);
        String keyType = key.text();
        SshWireReader sig = new SshWireReader(signatureBlob);
        String algorithm = sig.text();
        byte[] signature = sig.string();
        Signature verifier;
        PublicKey publicKey;
        switch (keyType) {
            case "ssh-ed25519" -> {
                byte[] point = key.string();
                byte[] x509 = Arrays.copyOf(ED25519_X509_PREFIX, ED25519_X509_PREFIX.length + point.length);
                System.arraycopy(point, 0, x509, ED25519_X509_PREFIX.length, point.length);
                publicKey = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509));
                verifier = Signature.getInstance("Ed25519");
            }
            case "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521" -> {
                String curve = key.text();
                int bits = Integer.parseInt(curve.substring("nistp".length()));
                byte[] q = key.string();
                int size = (q.length - 1) / 2;
                ECPoint w = new ECPoint(new BigInteger(1, Arrays.copyOfRange(q, 1, 1 + size)),
                        new BigInteger(1, Arrays.copyOfRange(q, 1 + size, q.length)));
                AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
                parameters.init(new ECGenParameterSpec("secp" + bits + "r1"));
                publicKey = KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, parameters.getParameterSpec(ECParameterSpec.class)));
                verifier = Signature.getInstance((bits == 256 ? "SHA256" : bits == 384 ? "SHA384" : "SHA512") + "withECDSAinP1363Format");
                SshWireReader rs = new SshWireReader(signature);
                int field = (bits + 7) / 8;
                byte[] p1363 = new byte[2 * field];
                fixed(rs.mpint(), p1363, 0, field);
                fixed(rs.mpint(), p1363, field, field);
                signature = p1363;
            }
            case "ssh-rsa" -> {
                BigInteger e = key.mpint();
                BigInteger n = key.mpint();
                publicKey = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e));
                verifier = Signature.getInstance(switch (algorithm) {
                    case "rsa-sha2-512" -> "SHA512withRSA";
                    case "rsa-sha2-256" -> "SHA256withRSA";
                    default -> throw new GeneralSecurityException("the server signed with " + algorithm + ", which is not offered");
                });
            }
            default -> throw new GeneralSecurityException("host key type " + keyType + " is not supported");
        }
        verifier.initVerify(publicKey);
        verifier.update(data);
        return verifier.verify(signature);
    }

    private static void fixed(BigInteger value, byte[] into, int offset, int length) throws GeneralSecurityException {
        byte[] bytes = value.toByteArray();
        int start = bytes.length > length ? bytes.length - length : 0;
        if (bytes.length - start > length || (start > 0 && bytes[0] != 0)) {
            throw new GeneralSecurityException("malformed ECDSA signature");
        }
        System.arraycopy(bytes, start, into, offset + length - (bytes.length - start), bytes.length - start);
    }

    /** Writes the SSH wire encoding (RFC 4251 section 5). */
    private static final class Wire {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Wire put(byte b) {
            out.write(b);
            return this;
        }

        Wire raw(byte[] bytes) {
            out.writeBytes(bytes);
            return this;
        }

        Wire uint32(int v) {
            return raw(new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v});
        }

        Wire string(byte[] bytes) {
            return uint32(bytes.length).raw(bytes);
        }

        Wire text(String s) {
            return string(s.getBytes(StandardCharsets.US_ASCII));
        }

        Wire mpint(BigInteger v) {
            return string(v.signum() == 0 ? new byte[0] : v.toByteArray());
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}

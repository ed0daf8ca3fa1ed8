package com.shellguard.openssh;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.KeyUtils;

/**
 * Host keys as an admin pastes them: one key ({@code type base64 [comment]}), several lines, or what
 * {@code ssh-keyscan} prints and {@code known_hosts} holds ({@code host type base64}; blank lines and
 * {@code #} comments skipped). Lines are read with MINA's {@link KnownHostEntry} when they start with a host and as a
 * public-key entry otherwise; a marked line ({@code @cert-authority}, {@code @revoked}) is refused, since it pins no key.
 */
public final class HostKeyLines {

    private HostKeyLines() {
    }

    /** The distinct keys in the text, in its order; {@code field} names the input in messages. */
    public static List<SshPublicKey> parse(String field, String text) {
        Set<SshPublicKey> keys = new LinkedHashSet<>();
        String[] lines = text == null ? new String[0] : text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                keys.add(parseLine(line));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(field + (lines.length > 1 ? " line " + (i + 1) : "") + " is not an OpenSSH host key: "
                        + e.getMessage());
            }
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException(field + " holds no key");
        }
        return new ArrayList<>(keys);
    }

    private static SshPublicKey parseLine(String line) {
        String first = line.split("\\s+", 2)[0];
        if (KeyUtils.getPublicKeyEntryDecoder(first) != null || SshPublicKey.TYPES.contains(first)) {
            return SshPublicKey.parse(line);
        }
        if (first.startsWith("@")) {
            throw new IllegalArgumentException("a " + first + " line pins no host key");
        }
        KnownHostEntry entry;
        try {
            entry = KnownHostEntry.parseKnownHostEntry(line);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("expected \"type base64\" or \"host type base64\" (" + e.getMessage() + ")");
        }
        AuthorizedKeyEntry key = entry == null ? null : entry.getKeyEntry();
        if (key == null || key.getKeyType() == null) {
            throw new IllegalArgumentException("expected \"type base64\" or \"host type base64\"");
        }
        return new SshPublicKey(key.getKeyType(), Base64.getEncoder().encodeToString(key.getKeyData()));
    }
}

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
 * Every line that names a host must name the same one, without wildcards: keys are pinned for one server, and a
 * whole {@code known_hosts} pasted by mistake would otherwise make every host's key trusted for it.
 */
public final class HostKeyLines {

    private HostKeyLines() {
    }

    /** The distinct keys in the text, in its order; {@code field} names the input in messages. */
    public static List<SshPublicKey> parse(String field, String text) {
        Set<SshPublicKey> keys = new LinkedHashSet<>();
        Set<String> hosts = null;
        String hostsLine = null;
        String[] lines = text == null ? new String[0] : text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                keys.add(parseLine(line));
                Set<String> lineHosts = hostNames(line);
                if (!lineHosts.isEmpty()) {
                    if (hosts != null && lineHosts.stream().noneMatch(hosts::contains)) {
                        throw new IllegalArgumentException("it names " + String.join(",", lineHosts) + " where an earlier line names "
                                + hostsLine + ": paste the keys of this one server (what ssh-keyscan prints for it), not a known_hosts file");
                    }
                    if (hosts == null) {
                        hosts = lineHosts;
                        hostsLine = String.join(",", lineHosts);
                    }
                }
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

    /**
     * The host names of a {@code host type base64} line ({@code [host]:port} counts as {@code host}), none for a bare
     * key or a hashed name, which cannot be compared; patterns are refused, they name no one server.
     */
    private static Set<String> hostNames(String line) {
        String first = line.split("\\s+", 2)[0];
        if (KeyUtils.getPublicKeyEntryDecoder(first) != null || SshPublicKey.TYPES.contains(first) || first.startsWith("|")) {
            return Set.of();
        }
        if (first.contains("*") || first.contains("?") || first.contains("!")) {
            throw new IllegalArgumentException("the host pattern " + first + " names no one server");
        }
        Set<String> names = new LinkedHashSet<>();
        for (String host : first.split(",")) {
            String name = host.startsWith("[") && host.contains("]") ? host.substring(1, host.indexOf(']')) : host;
            names.add(name.toLowerCase(java.util.Locale.ROOT));
        }
        return names;
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

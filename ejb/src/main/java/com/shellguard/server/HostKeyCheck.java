package com.shellguard.server;

import com.shellguard.openssh.SshPublicKey;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The decision on host keys a server proved, given the keys pinned for it. As with OpenSSH's {@code known_hosts},
 * a key is trusted when it is one of the pinned keys, whatever their number and types; with none pinned, every
 * proven key is pinned. A change is reported with the fingerprints on both sides, as an admin needs them to tell
 * a re-installed server from an impostor.
 */
public record HostKeyCheck(Outcome outcome, List<SshPublicKey> presented, String message) {

    public enum Outcome { MATCHES, PIN_FIRST_SEEN, CHANGED }

    public HostKeyCheck {
        presented = List.copyOf(presented);
    }

    public static HostKeyCheck of(String server, Collection<SshPublicKey> pinned, List<SshPublicKey> presented) {
        if (presented.isEmpty()) {
            throw new IllegalArgumentException("no host key was presented");
        }
        if (pinned.isEmpty()) {
            return new HostKeyCheck(Outcome.PIN_FIRST_SEEN, presented,
                    "pinned the host keys of " + server + " on first contact: " + describe(presented));
        }
        List<SshPublicKey> unknown = presented.stream().filter(k -> !pinned.contains(k)).toList();
        if (unknown.isEmpty()) {
            return new HostKeyCheck(Outcome.MATCHES, presented, null);
        }
        SshPublicKey seen = unknown.get(0);
        List<SshPublicKey> sameType = pinned.stream().filter(k -> k.type().equals(seen.type())).toList();
        return new HostKeyCheck(Outcome.CHANGED, presented, "host key for server " + server + " has changed (expected "
                + describe(sameType.isEmpty() ? List.copyOf(pinned) : sameType) + ", got " + describe(List.of(seen))
                + "): refusing to connect");
    }

    public boolean trusted() {
        return outcome != Outcome.CHANGED;
    }

    static String describe(List<SshPublicKey> keys) {
        return keys.stream().map(k -> k.type() + " " + k.fingerprint()).collect(Collectors.joining(", "));
    }
}

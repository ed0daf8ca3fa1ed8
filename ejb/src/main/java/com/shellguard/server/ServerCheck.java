package com.shellguard.server;

import com.shellguard.openssh.SshPublicKey;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The outcome of testing a server entry: whether the gateway reaches it, what SSH server answers, and how the host
 * keys it proved compare with the pinned ones, judged as a session would be: sessions negotiate only the pinned keys'
 * types, so the server must prove a pinned key for each of those types it offers, and offer at least one of them.
 *
 * @param hostKey     the proven key the status is about ({@code type base64}): the first that is not pinned when
 *                    CHANGED, else the first proven; null when unreachable
 * @param fingerprint its SHA-256 fingerprint, null when unreachable
 * @param hostKeys    every key the server proved, one per type it offers
 * @param message     one line for people, as the console shows it
 */
public record ServerCheck(Status status, String serverVersion, String hostKey, String fingerprint, List<String> hostKeys,
                          String message) {

    public enum Status {
        /** the server proved pinned keys only, for every pinned type it offers */
        MATCHES,
        /** no key is pinned: the next session pins every key the server proves */
        NOT_PINNED,
        /** the server proved a key that is not pinned, of a pinned type, or offers no pinned type: sessions are refused */
        CHANGED,
        /** no SSH server answered */
        UNREACHABLE
    }

    public ServerCheck {
        hostKeys = hostKeys == null ? List.of() : List.copyOf(hostKeys);
    }

    static ServerCheck unreachable(String message) {
        return new ServerCheck(Status.UNREACHABLE, null, null, null, List.of(), message);
    }

    /** @param where the server as messages name it; {@code proven} is not empty */
    static ServerCheck compare(String where, String serverVersion, Collection<SshPublicKey> pinned, List<SshPublicKey> proven) {
        List<String> all = proven.stream().map(SshPublicKey::toString).toList();
        if (pinned.isEmpty()) {
            return of(Status.NOT_PINNED, serverVersion, proven.get(0), all, "server " + where + " proves host keys "
                    + HostKeyCheck.describe(proven) + "; none is pinned yet: the first session pins them all");
        }
        Set<String> pinnedTypes = pinned.stream().map(SshPublicKey::type).collect(Collectors.toSet());
        List<SshPublicKey> used = proven.stream().filter(k -> pinnedTypes.contains(k.type())).toList();
        if (used.isEmpty()) {
            return of(Status.CHANGED, serverVersion, proven.get(0), all, "host key for server " + where + " has changed: it offers"
                    + " no key of the pinned types (" + String.join(", ", pinnedTypes.stream().sorted().toList()) + "), only "
                    + HostKeyCheck.describe(proven) + ": sessions are refused");
        }
        List<SshPublicKey> unknown = used.stream().filter(k -> !pinned.contains(k)).toList();
        if (!unknown.isEmpty()) {
            SshPublicKey seen = unknown.get(0);
            return of(Status.CHANGED, serverVersion, seen, all, "host key for server " + where + " has changed (expected "
                    + HostKeyCheck.describe(pinned.stream().filter(k -> k.type().equals(seen.type())).toList()) + ", got "
                    + HostKeyCheck.describe(List.of(seen)) + "): sessions are refused");
        }
        return of(Status.MATCHES, serverVersion, used.get(0), all, "server " + where + " proves its pinned host key"
                + (used.size() > 1 ? "s " : " ") + HostKeyCheck.describe(used));
    }

    private static ServerCheck of(Status status, String serverVersion, SshPublicKey key, List<String> all, String message) {
        return new ServerCheck(status, serverVersion, key.toString(), key.fingerprint(), all, message);
    }
}

package com.shellguard.connector.adapter.upstream;

import java.security.PublicKey;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.sshd.common.config.keys.PublicKeyEntry;

/**
 * The host keys a session plan says are pinned for its server, as read when the plan was made: a key the server proves
 * that is one of them is trusted without asking the application again.
 *
 * <p>Why: MINA asks the verifier on its network thread, in the middle of the key exchange, and the application's answer
 * is a call with a database read; those few threads carry every upstream connection of the node (key exchanges,
 * installers, relays), so each session set-up held one of them for that round trip. The application's answer for a
 * pinned key is "trusted", with nothing written: the same key checked here gives the same verdict. Anything else (a
 * changed key, a first contact) still goes to the application, which decides it on the server's row read afresh, pins
 * or refuses, and alerts.
 *
 * <p>Limits: a key unpinned by an administrator in the moment between the plan and the connection is still trusted for
 * that one connection, as one connecting just before the change would have been.
 */
final class PinnedHostKeys {

    private final Set<String> keys;

    private PinnedHostKeys(Set<String> keys) {
        this.keys = keys;
    }

    /** Keys in OpenSSH form ({@code type base64 [comment]}); the comment does not count. */
    static PinnedHostKeys of(Collection<String> openSshKeys) {
        return new PinnedHostKeys(openSshKeys.stream().map(PinnedHostKeys::typeAndData).collect(Collectors.toUnmodifiableSet()));
    }

    boolean includes(PublicKey key) {
        return keys.contains(typeAndData(PublicKeyEntry.toString(key)));
    }

    private static String typeAndData(String openSshKey) {
        String[] fields = openSshKey.trim().split("\\s+");
        return fields.length < 2 ? fields[0] : fields[0] + " " + fields[1];
    }
}

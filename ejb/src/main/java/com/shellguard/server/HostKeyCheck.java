package com.shellguard.server;

import com.shellguard.openssh.SshPublicKey;

/**
 * The decision on a host key a server presented, given the key pinned for it (if any). Keys are compared
 * by type and blob, so a comment never matters; a change is reported with both fingerprints, as an admin
 * needs them to tell a re-installed server from an impostor.
 */
public record HostKeyCheck(Outcome outcome, SshPublicKey presented, String message) {

    public enum Outcome { MATCHES, PIN_FIRST_SEEN, CHANGED }

    /** @throws IllegalArgumentException when either key is not a valid OpenSSH public key */
    public static HostKeyCheck of(String server, String pinned, String presented) {
        SshPublicKey seen = SshPublicKey.parse(presented);
        if (pinned == null || pinned.isBlank()) {
            return new HostKeyCheck(Outcome.PIN_FIRST_SEEN, seen,
                    "pinned the host key of " + server + " on first sight: " + seen.type() + " " + seen.fingerprint());
        }
        SshPublicKey expected = SshPublicKey.parse(pinned);
        if (expected.equals(seen)) {
            return new HostKeyCheck(Outcome.MATCHES, seen, null);
        }
        return new HostKeyCheck(Outcome.CHANGED, seen, "host key for server " + server + " has changed (expected "
                + expected.type() + " " + expected.fingerprint() + ", got " + seen.type() + " " + seen.fingerprint()
                + "): refusing to connect");
    }

    public boolean trusted() {
        return outcome != Outcome.CHANGED;
    }
}

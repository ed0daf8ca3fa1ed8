package com.shellguard.server;

import com.shellguard.user.SshPublicKey;

/** The decision on a presented host key, given what is pinned; keys are compared by type and blob. */
public record HostKeyCheck(Outcome outcome, String message) {

    public enum Outcome { MATCHES, PIN_FIRST_SEEN, CHANGED }

    public static HostKeyCheck of(String server, String pinned, String presented) {
        SshPublicKey seen = SshPublicKey.parse(presented);
        if (pinned == null || pinned.isBlank()) {
            return new HostKeyCheck(Outcome.PIN_FIRST_SEEN, "pinned the host key of " + server + " on first sight: " + seen.fingerprint());
        }
        SshPublicKey expected = SshPublicKey.parse(pinned);
        if (expected.equals(seen)) {
            return new HostKeyCheck(Outcome.MATCHES, null);
        }
        return new HostKeyCheck(Outcome.CHANGED, "host key for server " + server + " has changed (expected "
                + expected.type() + " " + expected.fingerprint() + ", got " + seen.type() + " " + seen.fingerprint()
                + "): refusing to connect");
    }

    public boolean trusted() {
        return outcome != Outcome.CHANGED;
    }
}

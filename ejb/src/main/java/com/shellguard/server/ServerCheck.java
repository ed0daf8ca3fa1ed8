package com.shellguard.server;

/**
 * The outcome of testing a server entry: whether the gateway reaches it, what SSH server answers, and how the
 * host key it proved it holds compares with the pinned one.
 *
 * @param hostKey     the presented key ({@code type base64}), null when unreachable
 * @param fingerprint its SHA-256 fingerprint, null when unreachable
 * @param message     one line for people, as the console shows it
 */
public record ServerCheck(Status status, String serverVersion, String hostKey, String fingerprint, String message) {

    public enum Status {
        /** the server presented the pinned key */
        MATCHES,
        /** no key is pinned: the next session pins the one presented */
        NOT_PINNED,
        /** the server presented another key than the pinned one: sessions are refused */
        CHANGED,
        /** no SSH server answered */
        UNREACHABLE
    }
}

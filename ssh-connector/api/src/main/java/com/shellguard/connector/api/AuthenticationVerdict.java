package com.shellguard.connector.api;

import java.io.Serializable;

public record AuthenticationVerdict(boolean accepted, String reason) implements Serializable {

    /** The reason for a refusal because the account is locked after failed logins. */
    public static final String LOCKED = "LOCKED";

    /** The reason for a refusal because the source address made too many failed logins. */
    public static final String THROTTLED = "THROTTLED";

    /** The reason for a refusal because the directory that checks the password could not answer. */
    public static final String DIRECTORY_UNAVAILABLE = "DIRECTORY_UNAVAILABLE";

    public static AuthenticationVerdict accept() {
        return new AuthenticationVerdict(true, null);
    }

    public static AuthenticationVerdict reject(String reason) {
        return new AuthenticationVerdict(false, reason);
    }

    /** A refusal for failed logins before, which the client may be told of: it says nothing a guesser can use. */
    public boolean lockedOut() {
        return !accepted && (LOCKED.equals(reason) || THROTTLED.equals(reason));
    }

    /** A refusal because the directory could not answer; nothing was judged, so the client may be told. */
    public boolean directoryUnavailable() {
        return !accepted && DIRECTORY_UNAVAILABLE.equals(reason);
    }
}

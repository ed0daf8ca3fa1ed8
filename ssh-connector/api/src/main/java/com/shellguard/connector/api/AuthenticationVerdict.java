package com.shellguard.connector.api;

import java.io.Serializable;

public record AuthenticationVerdict(boolean accepted, String reason) implements Serializable {

    /** The reason for a refusal because the account is locked after failed logins. */
    public static final String LOCKED = "LOCKED";

    /** The reason for a refusal because the source address made too many failed logins. */
    public static final String THROTTLED = "THROTTLED";

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
}

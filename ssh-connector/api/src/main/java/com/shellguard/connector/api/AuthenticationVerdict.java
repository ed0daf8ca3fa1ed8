package com.shellguard.connector.api;

import java.io.Serializable;

/**
 * The answer to an {@link AuthenticationAttempt}. An accepted password or key may still need the person's second
 * factor ({@code secondFactor}): the connector then asks for a code before the login is complete.
 */
public record AuthenticationVerdict(boolean accepted, String reason, boolean secondFactor) implements Serializable {

    /** The reason for a refusal because the account is locked after failed logins. */
    public static final String LOCKED = "LOCKED";

    /** The reason for a refusal because the source address made too many failed logins. */
    public static final String THROTTLED = "THROTTLED";

    /** The reason for a refusal of a person who must use a second factor and has not enrolled one. */
    public static final String MFA_NOT_ENROLLED = "MFA_NOT_ENROLLED";
    /** The reason for a refusal because the directory that checks the password could not answer. */
    public static final String DIRECTORY_UNAVAILABLE = "DIRECTORY_UNAVAILABLE";

    public static AuthenticationVerdict accept() {
        return new AuthenticationVerdict(true, null, false);
    }

    /** The first factor is right; the login completes once the second factor is shown too. */
    public static AuthenticationVerdict acceptWithSecondFactor() {
        return new AuthenticationVerdict(true, null, true);
    }

    /** Accepted, with a note for the audit (a recovery code was used, how many are left). */
    public static AuthenticationVerdict acceptNoting(String note) {
        return new AuthenticationVerdict(true, note, false);
    }

    public static AuthenticationVerdict reject(String reason) {
        return new AuthenticationVerdict(false, reason, false);
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

package com.shellguard.directory;

import jakarta.ejb.ApplicationException;

/**
 * The directory could not answer: unreachable, a certificate not trusted or not for its host, a timeout, the service
 * account refused. Nobody is let in on such an answer; the refusal is audited as {@link #REASON}. Not a rollback
 * cause, so the audit row written before it is thrown stays.
 */
@ApplicationException(rollback = false)
public class DirectoryUnavailableException extends RuntimeException {

    /** The audit reason (and the SSH client's message) of a login the directory could not decide. */
    public static final String REASON = com.shellguard.connector.api.AuthenticationVerdict.DIRECTORY_UNAVAILABLE;

    public DirectoryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

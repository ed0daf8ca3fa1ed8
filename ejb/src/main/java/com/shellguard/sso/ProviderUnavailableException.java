package com.shellguard.sso;

/**
 * The identity provider could not be asked (unreachable, an answer that is not what the protocol says, wrong
 * settings): nothing about the person was judged, and nobody is let in.
 */
public class ProviderUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The audit reason and the code the person is shown. */
    public static final String REASON = "SSO_UNAVAILABLE";

    public ProviderUnavailableException(String message) {
        super(message);
    }

    public ProviderUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

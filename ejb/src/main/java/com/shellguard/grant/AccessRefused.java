package com.shellguard.grant;

/** A session the policy does not allow; the message is the line the user is shown. */
public class AccessRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AccessRefused(String message) {
        super(message);
    }
}

package com.shellguard.connector.adapter.hook;

/** The hook cannot be installed for this session; the message says why, in words an admin can act on. */
public final class HookUnavailableException extends Exception {

    public HookUnavailableException(String message) {
        super(message);
    }

    public HookUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

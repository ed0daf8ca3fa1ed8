package com.shellguard.access;

import jakarta.ejb.ApplicationException;

/** The caller may not do this to an access request (decide their own, or one they do not approve, or see another's). */
@ApplicationException(rollback = true)
public class AccessDenied extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AccessDenied(String message) {
        super(message);
    }
}

package com.shellguard.common;

import jakarta.ejb.ApplicationException;

/** The thing to create exists already. */
@ApplicationException(rollback = true)
public class ConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }
}

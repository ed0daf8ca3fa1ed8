package com.shellguard.common;

import jakarta.ejb.ApplicationException;

/** The thing to create exists already. */
@ApplicationException(rollback = true)
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}

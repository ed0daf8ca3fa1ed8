package com.shellguard.common;

import jakarta.ejb.ApplicationException;

/** Input that breaks a rule; the message names the field and the rule, and reaches the caller as is. */
@ApplicationException(rollback = true)
public class ValidationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ValidationException(String message) {
        super(message);
    }
}

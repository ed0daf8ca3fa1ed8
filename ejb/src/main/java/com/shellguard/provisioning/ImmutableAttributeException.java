package com.shellguard.provisioning;

import com.shellguard.common.ValidationException;

/** A change to an attribute the gateway keeps fixed (a user name, a group name: SSH logins and grants name them). */
public class ImmutableAttributeException extends ValidationException {

    private static final long serialVersionUID = 1L;

    public ImmutableAttributeException(String message) {
        super(message);
    }
}

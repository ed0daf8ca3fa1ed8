package com.shellguard.provisioning;

import jakarta.ejb.ApplicationException;

/** A change the identity provider may not make to this account (its source is elsewhere, or its role is not for SCIM). */
@ApplicationException(rollback = true)
public class ProvisioningRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ProvisioningRefusedException(String message) {
        super(message);
    }
}

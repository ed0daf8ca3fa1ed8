package com.shellguard.user;

/** ADMIN may do everything, AUDITOR may read the API, USER may only log in through the gateway. */
public enum Role {
    ADMIN, AUDITOR, USER
}

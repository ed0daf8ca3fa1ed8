package com.shellguard.auth;

import com.shellguard.user.Role;
import java.util.EnumSet;
import java.util.Set;

/** Where a password is offered, and which roles that door lets in. */
public enum LoginDoor {
    SSH(EnumSet.allOf(Role.class), "the gateway", false),
    API(EnumSet.of(Role.ADMIN, Role.AUDITOR), "the REST API", true),
    /** Every role: admins and auditors get the console, USER accounts its one page of their own access. */
    CONSOLE(EnumSet.allOf(Role.class), "the console", false),
    /** The REST API's second-factor enrolment of the caller's own account, open to every role. */
    ENROLMENT(EnumSet.allOf(Role.class), "second-factor enrolment", true),
    /**
     * The REST API's access requests ({@code access-requests...}): every person files and follows their own, and
     * approvers decide others' there, so a password alone must not do for an account with a second factor.
     */
    REQUESTS(EnumSet.allOf(Role.class), "access requests", true);

    private final Set<Role> admits;
    private final String description;
    private final boolean httpBasic;

    LoginDoor(Set<Role> admits, String description, boolean httpBasic) {
        this.admits = admits;
        this.description = description;
        this.httpBasic = httpBasic;
    }

    /** Whether the password comes by HTTP Basic, which cannot carry a second factor: such an account needs a token. */
    boolean cannotCarrySecondFactor() {
        return httpBasic;
    }

    boolean admits(Role role) {
        return admits.contains(role);
    }

    String description() {
        return description;
    }
}

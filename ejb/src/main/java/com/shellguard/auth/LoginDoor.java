package com.shellguard.auth;

import com.shellguard.user.Role;
import java.util.EnumSet;
import java.util.Set;

/** Where a password is offered, and which roles that door lets in. */
public enum LoginDoor {
    SSH(EnumSet.allOf(Role.class), "the gateway"),
    API(EnumSet.of(Role.ADMIN, Role.AUDITOR), "the REST API"),
    CONSOLE(EnumSet.of(Role.ADMIN, Role.AUDITOR), "the console"),
    /** The REST API's second-factor enrolment of the caller's own account, open to every role. */
    ENROLMENT(EnumSet.allOf(Role.class), "second-factor enrolment"),
    /** The REST API's access requests ({@code access-requests...}): every person files and follows their own. */
    REQUESTS(EnumSet.allOf(Role.class), "access requests");

    private final Set<Role> admits;
    private final String description;

    LoginDoor(Set<Role> admits, String description) {
        this.admits = admits;
        this.description = description;
    }

    boolean admits(Role role) {
        return admits.contains(role);
    }

    String description() {
        return description;
    }
}

package com.shellguard.console;

import com.shellguard.user.Role;
import java.util.Optional;

/** The console's two roles, named as web.xml constrains them; USER accounts have no console role. */
public final class ConsoleRoles {

    public static final String ADMIN = "admin";
    public static final String AUDITOR = "auditor";

    private ConsoleRoles() {
    }

    static Optional<String> of(Role role) {
        return switch (role) {
            case ADMIN -> Optional.of(ADMIN);
            case AUDITOR -> Optional.of(AUDITOR);
            case USER -> Optional.empty();
        };
    }
}

package com.shellguard.console;

import com.shellguard.user.Role;
import java.util.Optional;

/**
 * The console's roles, named as web.xml constrains them. Admins and auditors have the console; a USER account is a
 * {@code requester}, whose console is the one page of their own access ({@link ConsoleHome#MY_ACCESS}): web.xml
 * opens that page (and the home address that leads there) to it and nothing else.
 */
public final class ConsoleRoles {

    public static final String ADMIN = "admin";
    public static final String AUDITOR = "auditor";
    public static final String REQUESTER = "requester";

    private ConsoleRoles() {
    }

    static Optional<String> of(Role role) {
        return Optional.of(switch (role) {
            case ADMIN -> ADMIN;
            case AUDITOR -> AUDITOR;
            case USER -> REQUESTER;
        });
    }
}

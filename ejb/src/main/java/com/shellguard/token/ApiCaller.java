package com.shellguard.token;

import com.shellguard.user.Role;
import java.security.Principal;

/** Who is calling the API, once authenticated: the account (or the token's owner) and its role. */
public record ApiCaller(String name, Role role) implements Principal {

    @Override
    public String getName() {
        return name;
    }

    public boolean mayRead() {
        return role == Role.ADMIN || role == Role.AUDITOR;
    }

    public boolean mayWrite() {
        return role == Role.ADMIN;
    }
}

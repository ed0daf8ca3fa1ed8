package com.shellguard.auth;

import com.shellguard.user.GatewayUser;
import com.shellguard.user.Role;
import java.security.Principal;

/**
 * Who is calling the API, once authenticated: the account (or the token's owner) and its role, and the name of the API
 * token used (null for a password), which the admin audit keeps with each change.
 */
public record ApiCaller(String name, Role role, String token) implements Principal {

    public ApiCaller(String name, Role role) {
        this(name, role, null);
    }

    static ApiCaller of(GatewayUser user) {
        return new ApiCaller(user.getUsername(), user.getRole());
    }

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

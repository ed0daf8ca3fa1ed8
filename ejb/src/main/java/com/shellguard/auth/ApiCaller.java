package com.shellguard.auth;

import com.shellguard.token.TokenScope;
import com.shellguard.user.GatewayUser;
import com.shellguard.user.Role;
import java.security.Principal;
import java.util.Set;

/**
 * Who is calling the API, once authenticated: the account (or the token's owner), its role, the token's scopes
 * ({@code null} for a password: the role alone decides, and a password never opens {@code /scim/v2}), and the name of
 * the API token used (null for a password), which the admin audit keeps with each change.
 */
public record ApiCaller(String name, Role role, Set<TokenScope> scopes, String token) implements Principal {

    public ApiCaller(String name, Role role) {
        this(name, role, null, null);
    }

    static ApiCaller of(GatewayUser user) {
        return new ApiCaller(user.getUsername(), user.getRole());
    }

    static ApiCaller of(GatewayUser user, Set<TokenScope> scopes, String tokenName) {
        return new ApiCaller(user.getUsername(), user.getRole(), Set.copyOf(scopes), tokenName);
    }

    /** Whether the token's scopes (if a token) allow this request of {@code /api/v1}; the role is checked apart. */
    public boolean scopesPermitApi(String method, String path) {
        return scopes == null || scopes.stream().anyMatch(s -> s.permitsApi(method, path));
    }

    /** Only a token of scope {@code scim} provisions through {@code /scim/v2}. */
    public boolean scopesPermitScim() {
        return scopes != null && scopes.contains(TokenScope.SCIM);
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

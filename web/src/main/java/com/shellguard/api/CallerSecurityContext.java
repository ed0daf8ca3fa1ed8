package com.shellguard.api;

import com.shellguard.auth.ApiCaller;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;

/** The security context a request runs in once a door authenticated its caller: the caller and its one role. */
public final class CallerSecurityContext implements SecurityContext {

    private final ApiCaller caller;
    private final boolean secure;
    private final String scheme;

    public CallerSecurityContext(ApiCaller caller, boolean secure, String scheme) {
        this.caller = caller;
        this.secure = secure;
        this.scheme = scheme;
    }

    @Override
    public Principal getUserPrincipal() {
        return caller;
    }

    @Override
    public boolean isUserInRole(String role) {
        return caller.role().name().equals(role);
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getAuthenticationScheme() {
        return scheme;
    }
}

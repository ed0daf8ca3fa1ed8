package com.shellguard.scim;

import com.shellguard.adminaudit.AdminActor;
import com.shellguard.adminaudit.Channel;
import com.shellguard.auth.ApiAuthenticator;
import com.shellguard.auth.ApiCaller;
import com.shellguard.directory.DirectoryUnavailableException;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Optional;

/**
 * {@code /scim/v2} takes one credential: {@code Authorization: Bearer} with an API token of scope {@code scim} (401
 * without a valid token, a password included; 403 for a token without the scope). The token's owner must be an admin
 * to change anything (an auditor's token may read). Refusals are audited like the API's.
 */
@Priority(Priorities.AUTHENTICATION)
public class ScimAccessFilter implements ContainerRequestFilter {

    @Inject
    ApiAuthenticator authenticator;

    @Inject
    AdminActor actor;

    @Context
    HttpServletRequest http;

    @Override
    public void filter(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        boolean bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
        Optional<ApiCaller> caller;
        String sourceAddress = http.getRemoteAddr() + ":" + http.getRemotePort();
        try {
            caller = bearer ? authenticator.authenticate(authorization, sourceAddress) : Optional.empty();
        } catch (DirectoryUnavailableException e) {
            request.abortWith(ScimErrors.response(ScimErrors.error(503, null, e.getMessage())));
            return;
        }
        if (caller.isEmpty()) {
            request.abortWith(Response.fromResponse(ScimErrors.response(ScimErrors.error(401, null,
                    "authentication required: Authorization: Bearer with an API token of scope scim")))
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"ShellGuard SCIM\"").build());
            return;
        }
        if (!caller.get().scopesPermitScim()) {
            request.abortWith(ScimErrors.response(ScimErrors.error(403, null, "this API token's scopes do not include scim")));
            return;
        }
        boolean reading = HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod());
        if (reading ? !caller.get().mayRead() : !caller.get().mayWrite()) {
            request.abortWith(ScimErrors.response(ScimErrors.error(403, null, caller.get().name() + " (" + caller.get().role()
                    + ") may not " + (reading ? "read" : "change") + " this")));
            return;
        }
        actor.identify(caller.get().name(), caller.get().token(), sourceAddress, Channel.API); // the admin audit names the token
        boolean secure = request.getSecurityContext().isSecure();
        request.setSecurityContext(new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return caller.get();
            }

            @Override
            public boolean isUserInRole(String role) {
                return caller.get().role().name().equals(role);
            }

            @Override
            public boolean isSecure() {
                return secure;
            }

            @Override
            public String getAuthenticationScheme() {
                return "Bearer";
            }
        });
    }
}

package com.shellguard.api;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.util.Optional;

/**
 * Every API request but {@code /health} must authenticate (Basic or Bearer). Admins may do everything,
 * auditors may read (GET): 401 with the same body for every refused credential, a wrong password and the right
 * password of an account without an API role alike (ApiAuthenticator audits the difference); 403 for an auditor
 * who tries to change something.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class ApiAccessFilter implements ContainerRequestFilter {

    @Inject
    ApiAuthenticator authenticator;

    @Context
    HttpServletRequest http;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getUriInfo().getPath().replaceAll("^/+|/+$", "").equals("health")) {
            return;
        }
        Optional<ApiCaller> caller;
        try {
            caller = authenticator.authenticate(request.getHeaderString(HttpHeaders.AUTHORIZATION),
                    http.getRemoteAddr() + ":" + http.getRemotePort());
        } catch (DirectoryUnavailableException e) {
            request.abortWith(Response.status(Response.Status.SERVICE_UNAVAILABLE).type(MediaType.APPLICATION_JSON)
                    .entity(JsonViews.error(e.getMessage() + " (" + DirectoryUnavailableException.REASON + ")")).build());
            return;
        }
        if (caller.isEmpty()) {
            request.abortWith(Response.status(Response.Status.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"ShellGuard\"")
                    .type(MediaType.APPLICATION_JSON)
                    .entity(JsonViews.error("authentication required: HTTP Basic with an admin account, or a Bearer API token"))
                    .build());
            return;
        }
        boolean reading = HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod());
        if (reading ? !caller.get().mayRead() : !caller.get().mayWrite()) {
            request.abortWith(Response.status(Response.Status.FORBIDDEN).type(MediaType.APPLICATION_JSON)
                    .entity(JsonViews.error(caller.get().name() + " (" + caller.get().role() + ") may not "
                            + (reading ? "read" : "change") + " this"))
                    .build());
            return;
        }
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
                return "API";
            }
        });
    }
}

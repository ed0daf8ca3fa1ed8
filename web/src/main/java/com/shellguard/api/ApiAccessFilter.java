package com.shellguard.api;

import com.shellguard.adminaudit.AdminActor;
import com.shellguard.adminaudit.Channel;
import com.shellguard.auth.ApiAuthenticator;
import com.shellguard.auth.ApiCaller;
import com.shellguard.directory.DirectoryUnavailableException;
import com.shellguard.scim.ScimResources;
import com.shellguard.token.TokenScope;
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
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Every API request but {@code /health} must authenticate (Basic or Bearer). Admins may do everything,
 * auditors may read (GET): 401 with the same body for every refused credential, a wrong password and the right
 * password of an account without an API role alike (ApiAuthenticator audits the difference); 403 for an auditor
 * who tries to change something. A person's own second-factor enrolment ({@code GET} or {@code POST}
 * {@code users/NAME/totp}, {@code POST users/NAME/totp/confirm}) is open to that person whatever their role, and so
 * are the access requests ({@code access-requests...}): every account files and follows its own, and the endpoints
 * decide who may see or decide which.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class ApiAccessFilter implements ContainerRequestFilter {

    @Inject
    ApiAuthenticator authenticator;

    @Inject
    AdminActor actor;

    private static final Pattern ENROLMENT = Pattern.compile("users/([^/]+)/totp(/confirm)?");
    private static final Pattern ACCESS_REQUESTS = Pattern.compile("access-requests(/.*)?");

    @Context
    HttpServletRequest http;

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath().replaceAll("^/+|/+$", "");
        if (path.equals("health")) {
            return;
        }
        if (ScimResources.isScim(request.getUriInfo().getMatchedResources())) {
            // the SCIM resources are /scim/v2's, found here too only because this application takes every scanned class
            request.abortWith(Response.status(Response.Status.NOT_FOUND).type(MediaType.APPLICATION_JSON)
                    .entity(JsonViews.error("no such resource: SCIM is served at /scim/v2")).build());
            return;
        }
        Matcher enrolment = ENROLMENT.matcher(path);
        String ownEnrolmentOf = enrolment.matches() && !HttpMethod.DELETE.equals(request.getMethod()) ? enrolment.group(1) : null;
        boolean accessRequests = ACCESS_REQUESTS.matcher(path).matches();
        Optional<ApiCaller> caller;
        String sourceAddress = http.getRemoteAddr() + ":" + http.getRemotePort();
        try {
            String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
            caller = accessRequests ? authenticator.authenticateRequester(authorization, sourceAddress)
                    : authenticator.authenticate(authorization, sourceAddress, ownEnrolmentOf);
        } catch (DirectoryUnavailableException e) {
            request.abortWith(Response.status(Response.Status.SERVICE_UNAVAILABLE).type(MediaType.APPLICATION_JSON)
                    .entity(JsonViews.error(e.getMessage() + " (" + DirectoryUnavailableException.REASON + ")")).build());
            return;
        }
        if (caller.isEmpty()) {
            request.abortWith(Response.status(Response.Status.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"ShellGuard\"")
                    .type(MediaType.APPLICATION_JSON)
                    .entity(JsonViews.error("authentication required: HTTP Basic with an admin account, or a Bearer API token"
                            + " (an account with a second factor uses a token: HTTP Basic cannot carry the code)"))
                    .build());
            return;
        }
        if (!caller.get().scopesPermitApi(request.getMethod(), path)) {
            request.abortWith(Response.status(Response.Status.FORBIDDEN).type(MediaType.APPLICATION_JSON)
                    .entity(JsonViews.error("this API token's scopes (" + caller.get().scopes().stream().map(TokenScope::wire).sorted()
                            .collect(Collectors.joining(", ")) + ") do not allow " + request.getMethod() + " /api/v1/" + path))
                    .build());
            return;
        }
        boolean reading = HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod());
        boolean own = caller.get().name().equals(ownEnrolmentOf) || accessRequests;
        if (!own && (reading ? !caller.get().mayRead() : !caller.get().mayWrite())) {
            request.abortWith(Response.status(Response.Status.FORBIDDEN).type(MediaType.APPLICATION_JSON)
                    .entity(JsonViews.error(caller.get().name() + " (" + caller.get().role() + ") may not "
                            + (reading ? "read" : "change") + " this"))
                    .build());
            return;
        }
        actor.identify(caller.get().name(), caller.get().token(), sourceAddress, Channel.API);
        request.setSecurityContext(new CallerSecurityContext(caller.get(), request.getSecurityContext().isSecure(), "API"));
    }
}

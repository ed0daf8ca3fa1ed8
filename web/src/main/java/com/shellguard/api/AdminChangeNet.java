package com.shellguard.api;

import com.shellguard.adminaudit.AdminActor;
import com.shellguard.adminaudit.AdminAuditService;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Logger;

/**
 * The admin audit's safety net for the API: a successful POST, PUT or DELETE whose services recorded no change (a new
 * resource whose service does not call the recorder yet) is recorded here, as the request's path and method without
 * fields, and logged, so nothing an admin changes through the API goes unrecorded. Methods that change nothing say so
 * with {@link ChangesNothing}.
 */
@Provider
public class AdminChangeNet implements ContainerResponseFilter {

    private static final Logger LOG = Logger.getLogger(AdminChangeNet.class.getName());

    @Inject
    AdminActor actor;

    @Inject
    AdminAuditService audit;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String method = request.getMethod();
        if (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method) || HttpMethod.OPTIONS.equals(method)
                || response.getStatusInfo().getFamily() != Response.Status.Family.SUCCESSFUL
                || resource.getResourceMethod() == null || resource.getResourceMethod().isAnnotationPresent(ChangesNothing.class)
                || !actor.known() || actor.recorded() > 0) {
            return;
        }
        String path = request.getUriInfo().getPath().replaceAll("^/+|/+$", "");
        int slash = path.indexOf('/');
        String kind = slash < 0 ? path : path.substring(0, slash);
        LOG.warning(() -> "ShellGuard: " + method + " " + path + " changed something its service did not record in the admin audit;"
                + " recorded without its fields");
        audit.recordUndescribed(kind, path, method.toLowerCase(java.util.Locale.ROOT));
    }
}

package com.shellguard.api;

import static com.shellguard.api.QueryParameters.flag;

import com.shellguard.audit.AuditService;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The audit of sessions through the gateway, newest first; {@code ?active=true} for the ones still running. */
@Path("sessions")
@Produces(MediaType.APPLICATION_JSON)
public class SessionsResource {

    @Inject
    AuditService audit;

    @GET
    public JsonArray list(@BeanParam AuditFilter filter, @QueryParam("active") String active) {
        return JsonViews.list(audit.sessions(filter.query(null, flag("active", active))), JsonViews::session);
    }

    @GET
    @Path("{id}")
    public JsonObject get(@PathParam("id") String id) {
        return JsonViews.session(audit.session(id));
    }
}

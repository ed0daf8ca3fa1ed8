package com.shellguard.api;

import static com.shellguard.api.QueryParameters.count;
import static com.shellguard.api.QueryParameters.flag;
import static com.shellguard.api.QueryParameters.time;

import com.shellguard.audit.AuditQuery;
import com.shellguard.audit.AuditService;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
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
    public JsonArray list(@QueryParam("user") String user, @QueryParam("active") String active,
                          @QueryParam("from") String from, @QueryParam("to") String to,
                          @QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        return JsonViews.list(audit.sessions(new AuditQuery(user, null, flag("active", active), time("from", from),
                time("to", to), count("limit", limit), count("offset", offset))), JsonViews::session);
    }

    @GET
    @Path("{id}")
    public JsonObject get(@PathParam("id") String id) {
        return JsonViews.session(audit.session(id));
    }
}

package com.shellguard.api;

import static com.shellguard.api.QueryParameters.count;
import static com.shellguard.api.QueryParameters.flag;
import static com.shellguard.api.QueryParameters.time;

import com.shellguard.audit.AuditQuery;
import com.shellguard.audit.AuditService;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The audit of gateway logins, successful or not, newest first. */
@Path("audit/auth")
@Produces(MediaType.APPLICATION_JSON)
public class AuthEventsResource {

    @Inject
    AuditService audit;

    @GET
    public JsonArray list(@QueryParam("user") String user, @QueryParam("success") String success,
                          @QueryParam("from") String from, @QueryParam("to") String to,
                          @QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        return JsonViews.list(audit.authEvents(new AuditQuery(user, flag("success", success), null, time("from", from),
                time("to", to), count("limit", limit), count("offset", offset))), JsonViews::authEvent);
    }
}

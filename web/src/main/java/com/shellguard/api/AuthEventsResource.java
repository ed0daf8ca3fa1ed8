package com.shellguard.api;

import static com.shellguard.api.QueryParameters.flag;

import com.shellguard.audit.AuditService;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.ws.rs.BeanParam;
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
    public JsonArray list(@BeanParam AuditFilter filter, @QueryParam("success") String success) {
        return JsonViews.list(audit.authEvents(filter.query(flag("success", success), null)), JsonViews::authEvent);
    }
}

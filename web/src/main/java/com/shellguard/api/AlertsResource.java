package com.shellguard.api;

import static com.shellguard.api.QueryParameters.constant;

import com.shellguard.command.audit.AlertKind;
import com.shellguard.command.audit.AlertQuery;
import com.shellguard.command.audit.CommandAuditService;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Alerts about sessions (tampering, a missing hook, forged reports, ALERT rules), newest first. */
@Path("audit/alerts")
@Produces(MediaType.APPLICATION_JSON)
public class AlertsResource {

    @Inject
    CommandAuditService audit;

    @GET
    public JsonArray list(@BeanParam AuditFilter filter, @QueryParam("session") String session, @QueryParam("kind") String kind,
                          @QueryParam("server") String server) {
        return JsonViews.list(audit.alerts(new AlertQuery(filter.query(null, null), session,
                constant("kind", kind, AlertKind.class), server)), JsonViews::alert);
    }
}

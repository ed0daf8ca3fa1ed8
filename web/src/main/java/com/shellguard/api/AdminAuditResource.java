package com.shellguard.api;

import com.shellguard.adminaudit.AdminAuditService;
import com.shellguard.adminaudit.AdminChangeQuery;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Changes made by administrators through the API or the console, newest first; {@code user} is who made them. */
@Path("audit/admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminAuditResource {

    @Inject
    AdminAuditService audit;

    @GET
    public JsonArray list(@BeanParam AuditFilter filter, @QueryParam("kind") String kind,
                          @QueryParam("resource") String resource, @QueryParam("action") String action) {
        return JsonViews.list(audit.changes(new AdminChangeQuery(filter.query(null, null), kind, resource, action)),
                JsonViews::adminChange);
    }
}

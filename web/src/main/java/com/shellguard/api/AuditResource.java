package com.shellguard.api;

import static com.shellguard.api.JsonFields.time;

import com.shellguard.audit.AuditQuery;
import com.shellguard.audit.AuditService;
import com.shellguard.common.ValidationException;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Reading the audit trail: sessions, and authentication events. */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    AuditService audit;

    @GET
    @Path("sessions")
    public JsonArray sessions(@QueryParam("user") String user, @QueryParam("active") Boolean active,
                              @QueryParam("from") String from, @QueryParam("to") String to,
                              @QueryParam("limit") @DefaultValue("200") int limit, @QueryParam("offset") @DefaultValue("0") int offset) {
        return JsonViews.list(audit.sessions(new AuditQuery(user, null, active, time("from", from), time("to", to), limit, offset)),
                JsonViews::session);
    }

    @GET
    @Path("sessions/{id}")
    public JsonObject session(@PathParam("id") String id) {
        return JsonViews.session(audit.session(id));
    }

    @GET
    @Path("audit/auth")
    public JsonArray authEvents(@QueryParam("user") String user, @QueryParam("success") String success,
                                @QueryParam("from") String from, @QueryParam("to") String to,
                                @QueryParam("limit") @DefaultValue("200") int limit, @QueryParam("offset") @DefaultValue("0") int offset) {
        return JsonViews.list(audit.authEvents(new AuditQuery(user, flag("success", success), null, time("from", from),
                time("to", to), limit, offset)), JsonViews::authEvent);
    }

    private static Boolean flag(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.valueOf(value);
        }
        throw new ValidationException(name + " must be true or false");
    }
}

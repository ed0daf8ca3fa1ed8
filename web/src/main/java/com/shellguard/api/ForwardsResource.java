package com.shellguard.api;

import static com.shellguard.api.QueryParameters.constant;

import com.shellguard.forwarding.ForwardAuditService;
import com.shellguard.forwarding.ForwardQuery;
import com.shellguard.forwarding.ForwardRecord;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;

/** Forwarded connections (ssh -L, -D, -R) and refused forwards, newest first. */
@Path("audit/forwards")
@Produces(MediaType.APPLICATION_JSON)
public class ForwardsResource {

    @Inject
    ForwardAuditService audit;

    @GET
    public JsonArray list(@BeanParam AuditFilter filter, @QueryParam("session") String session,
                          @QueryParam("server") String server, @QueryParam("kind") String kind,
                          @QueryParam("result") String result) {
        return JsonViews.list(audit.list(new ForwardQuery(filter.query(null, null), session, server,
                kind == null ? null : kind.trim().toLowerCase(Locale.ROOT),
                constant("result", result, ForwardRecord.Result.class))), JsonViews::forward);
    }
}

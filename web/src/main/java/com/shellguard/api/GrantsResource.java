package com.shellguard.api;

import static com.shellguard.api.JsonFields.body;
import static com.shellguard.api.JsonFields.string;
import static com.shellguard.api.JsonFields.strings;

import com.shellguard.grant.GrantRule;
import com.shellguard.grant.GrantService;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;

@Path("grants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class GrantsResource {

    @Inject
    GrantService grants;

    @GET
    public JsonArray list() {
        return JsonViews.list(grants.list(), JsonViews::grant);
    }

    @POST
    public Response create(JsonObject json) {
        JsonObject o = body(json);
        return Response.status(Response.Status.CREATED).entity(JsonViews.grant(grants.create(rule(o), expires(o)))).build();
    }

    @GET
    @Path("{id}")
    public JsonObject get(@PathParam("id") String id) {
        return JsonViews.grant(grants.get(id));
    }

    @PUT
    @Path("{id}")
    public JsonObject update(@PathParam("id") String id, JsonObject json) {
        JsonObject o = body(json);
        GrantRule now = grants.get(id).rule();
        GrantRule asked = rule(o);
        return JsonViews.grant(grants.update(id, new GrantRule(asked.user(), asked.group(), asked.server(), asked.label(),
                asked.logins(), o.containsKey("forwarding") ? asked.forwarding() : now.forwarding(),
                o.containsKey("forwardTo") ? asked.forwardTo() : now.forwardTo()), o.containsKey("expires"), expires(o)));
    }

    /** {@code "expires"}: an ISO-8601 time with offset, or null for a grant without end. */
    private static OffsetDateTime expires(JsonObject o) {
        return QueryParameters.time("expires", string(o, "expires"));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        grants.delete(id);
        return Response.noContent().build();
    }

    private static GrantRule rule(JsonObject o) {
        List<String> forwarding = strings(o, "forwarding");
        return new GrantRule(string(o, "user"), string(o, "group"), string(o, "server"), string(o, "label"), strings(o, "logins"),
                forwarding == null ? null : new LinkedHashSet<>(forwarding), strings(o, "forwardTo"));
    }
}

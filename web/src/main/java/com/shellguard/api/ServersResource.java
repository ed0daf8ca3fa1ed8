package com.shellguard.api;

import static com.shellguard.api.JsonFields.body;
import static com.shellguard.api.JsonFields.integer;
import static com.shellguard.api.JsonFields.string;
import static com.shellguard.api.JsonFields.stringSet;
import static com.shellguard.api.JsonFields.strings;

import com.shellguard.server.ServerCheckService;
import com.shellguard.server.ServerDraft;
import com.shellguard.server.ServerService;
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

@Path("servers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ServersResource {

    @Inject
    ServerService servers;

    @Inject
    ServerCheckService checks;

    @GET
    public JsonArray list() {
        return JsonViews.list(servers.list(), JsonViews::server);
    }

    @POST
    public Response create(JsonObject json) {
        return Response.status(Response.Status.CREATED).entity(JsonViews.server(servers.create(draft(body(json))))).build();
    }

    @GET
    @Path("{name}")
    public JsonObject get(@PathParam("name") String name) {
        return JsonViews.server(servers.get(name));
    }

    @PUT
    @Path("{name}")
    public JsonObject update(@PathParam("name") String name, JsonObject json) {
        return JsonViews.server(servers.update(name, draft(body(json))));
    }

    @DELETE
    @Path("{name}")
    public Response delete(@PathParam("name") String name) {
        servers.delete(name);
        return Response.noContent().build();
    }

    /** Test connection: reach the server from this node and compare the host keys it proves with the pinned ones. */
    @POST
    @ChangesNothing
    @Path("{name}/check")
    public JsonObject check(@PathParam("name") String name) {
        return JsonViews.serverCheck(checks.check(name));
    }

    private static ServerDraft draft(JsonObject o) {
        return new ServerDraft(string(o, "name"), string(o, "host"), integer(o, "port"), string(o, "hostKey"),
                strings(o, "hostKeys"), stringSet(o, "labels"), string(o, "description"));
    }
}

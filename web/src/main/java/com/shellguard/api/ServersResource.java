package com.shellguard.api;

import static com.shellguard.api.JsonFields.body;
import static com.shellguard.api.JsonFields.integer;
import static com.shellguard.api.JsonFields.string;
import static com.shellguard.api.JsonFields.stringSet;

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

/** Servers and, below each, the accounts (stored credentials) the gateway logs in with. */
@Path("servers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ServersResource {

    @Inject
    ServerService servers;

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

    @GET
    @Path("{name}/accounts")
    public JsonArray accounts(@PathParam("name") String name) {
        return JsonViews.list(servers.accounts(name), JsonViews::account);
    }

    @POST
    @Path("{name}/accounts")
    public Response createAccount(@PathParam("name") String name, JsonObject json) {
        JsonObject o = body(json);
        return Response.status(Response.Status.CREATED).entity(JsonViews.account(
                servers.storeAccount(name, string(o, "login"), string(o, "password"), string(o, "privateKey"), true))).build();
    }

    @GET
    @Path("{name}/accounts/{login}")
    public JsonObject account(@PathParam("name") String name, @PathParam("login") String login) {
        return JsonViews.account(servers.account(name, login));
    }

    @PUT
    @Path("{name}/accounts/{login}")
    public JsonObject updateAccount(@PathParam("name") String name, @PathParam("login") String login, JsonObject json) {
        JsonObject o = body(json);
        return JsonViews.account(servers.storeAccount(name, login, string(o, "password"), string(o, "privateKey"), false));
    }

    @DELETE
    @Path("{name}/accounts/{login}")
    public Response deleteAccount(@PathParam("name") String name, @PathParam("login") String login) {
        servers.deleteAccount(name, login);
        return Response.noContent().build();
    }

    private static ServerDraft draft(JsonObject o) {
        return new ServerDraft(string(o, "name"), string(o, "host"), integer(o, "port"), string(o, "hostKey"),
                stringSet(o, "labels"), string(o, "description"));
    }
}

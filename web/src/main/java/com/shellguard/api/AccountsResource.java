package com.shellguard.api;

import static com.shellguard.api.JsonFields.body;
import static com.shellguard.api.JsonFields.bool;
import static com.shellguard.api.JsonFields.string;

import com.shellguard.server.AccountService;
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

/**
 * The logins the gateway holds a credential for on a server. Credentials go in; they never come back out.
 * {@code "privileged":true} marks the one account that carries the sessions of the server's other logins.
 */
@Path("servers/{server}/accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccountsResource {

    @Inject
    AccountService accounts;

    @GET
    public JsonArray list(@PathParam("server") String server) {
        return JsonViews.list(accounts.list(server), JsonViews::account);
    }

    @POST
    public Response create(@PathParam("server") String server, JsonObject json) {
        JsonObject o = body(json);
        return Response.status(Response.Status.CREATED).entity(JsonViews.account(
                accounts.create(server, string(o, "login"), string(o, "password"), string(o, "privateKey"),
                        Boolean.TRUE.equals(bool(o, "privileged"))))).build();
    }

    @GET
    @Path("{login}")
    public JsonObject get(@PathParam("server") String server, @PathParam("login") String login) {
        return JsonViews.account(accounts.get(server, login));
    }

    @PUT
    @Path("{login}")
    public JsonObject update(@PathParam("server") String server, @PathParam("login") String login, JsonObject json) {
        JsonObject o = body(json);
        return JsonViews.account(accounts.update(server, login, string(o, "password"), string(o, "privateKey"),
                bool(o, "privileged")));
    }

    @DELETE
    @Path("{login}")
    public Response delete(@PathParam("server") String server, @PathParam("login") String login) {
        accounts.delete(server, login);
        return Response.noContent().build();
    }
}

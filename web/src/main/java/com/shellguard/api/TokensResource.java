package com.shellguard.api;

import static com.shellguard.api.JsonFields.body;
import static com.shellguard.api.JsonFields.string;

import com.shellguard.token.ApiAuthenticator;
import com.shellguard.token.ApiCaller;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/** API tokens for integrations; a token's value is in the creation response and nowhere else. */
@Path("tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TokensResource {

    @Inject
    ApiAuthenticator tokens;

    @GET
    public JsonArray list() {
        return JsonViews.list(tokens.tokens(), t -> JsonViews.token(t, null));
    }

    @POST
    public Response create(JsonObject json, @Context SecurityContext security) {
        ApiAuthenticator.IssuedToken issued = tokens.issue(string(body(json), "name"), (ApiCaller) security.getUserPrincipal());
        return Response.status(Response.Status.CREATED).entity(JsonViews.token(issued.token(), issued.value())).build();
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        tokens.revoke(id);
        return Response.noContent().build();
    }
}

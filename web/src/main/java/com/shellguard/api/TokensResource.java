package com.shellguard.api;

import static com.shellguard.api.JsonFields.body;
import static com.shellguard.api.JsonFields.string;
import static com.shellguard.api.JsonFields.strings;

import com.shellguard.token.ApiTokenService;
import com.shellguard.token.IssuedToken;
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

/**
 * API tokens for integrations; a token's value is in the creation response and nowhere else.
 * {@code POST {"name","scopes":["read"|"admin"|"scim"|"requests"],"expires"}}: scopes default to admin, no expires
 * means no expiry.
 */
@Path("tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TokensResource {

    @Inject
    ApiTokenService tokens;

    @GET
    public JsonArray list() {
        return JsonViews.list(tokens.list(), JsonViews::token);
    }

    @POST
    public Response create(JsonObject json, @Context SecurityContext security) {
        JsonObject request = body(json);
        IssuedToken issued = tokens.issue(string(request, "name"), security.getUserPrincipal().getName(),
                strings(request, "scopes"), string(request, "expires"));
        return Response.status(Response.Status.CREATED).entity(JsonViews.issuedToken(issued)).build();
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        tokens.revoke(id);
        return Response.noContent().build();
    }
}

package com.shellguard.api;

import static com.shellguard.api.JsonFields.body;
import static com.shellguard.api.JsonFields.bool;
import static com.shellguard.api.JsonFields.enumValue;
import static com.shellguard.api.JsonFields.string;
import static com.shellguard.api.JsonFields.stringSet;
import static com.shellguard.api.JsonFields.strings;

import com.shellguard.auth.LoginLockout;
import com.shellguard.user.Role;
import com.shellguard.user.UserDraft;
import com.shellguard.user.UserService;
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

@Path("users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UsersResource {

    @Inject
    UserService users;

    @Inject
    LoginLockout lockout;

    @GET
    public JsonArray list() {
        return JsonViews.list(users.list(), JsonViews::user);
    }

    @POST
    public Response create(JsonObject json) {
        return Response.status(Response.Status.CREATED).entity(JsonViews.user(users.create(draft(body(json))))).build();
    }

    @GET
    @Path("{username}")
    public JsonObject get(@PathParam("username") String username) {
        return JsonViews.user(users.get(username));
    }

    @PUT
    @Path("{username}")
    public JsonObject update(@PathParam("username") String username, JsonObject json) {
        return JsonViews.user(users.update(username, draft(body(json))));
    }

    @DELETE
    @Path("{username}")
    public Response delete(@PathParam("username") String username) {
        users.delete(username);
        return Response.noContent().build();
    }

    /** Ends the account's lockout after failed logins (and its count of them); 204 whether it was locked or not. */
    @POST
    @Path("{username}/unlock")
    public Response unlock(@PathParam("username") String username) {
        lockout.unlock(username);
        return Response.noContent().build();
    }

    /** Frees a federated account from the provider person it is bound to; the next sign-on as its name binds it anew. */
    @DELETE
    @Path("{username}/sso-binding")
    public Response unbindSignOn(@PathParam("username") String username) {
        users.unbindSignOn(username);
        return Response.noContent().build();
    }

    private static UserDraft draft(JsonObject o) {
        return new UserDraft(string(o, "username"), string(o, "password"), strings(o, "publicKeys"),
                enumValue(o, "role", Role.class), stringSet(o, "groups"), bool(o, "enabled"));
    }
}

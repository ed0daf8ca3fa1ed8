package com.shellguard.api;

import static com.shellguard.api.JsonFields.body;
import static com.shellguard.api.JsonFields.string;
import static com.shellguard.api.JsonFields.strings;

import com.shellguard.user.GroupService;
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

@Path("groups")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class GroupsResource {

    @Inject
    GroupService groups;

    @GET
    public JsonArray list() {
        return JsonViews.list(groups.list(), JsonViews::group);
    }

    @POST
    public Response create(JsonObject json) {
        JsonObject o = body(json);
        return Response.status(Response.Status.CREATED)
                .entity(JsonViews.group(groups.create(string(o, "name"), strings(o, "members")))).build();
    }

    @GET
    @Path("{name}")
    public JsonObject get(@PathParam("name") String name) {
        return JsonViews.group(groups.get(name));
    }

    @PUT
    @Path("{name}")
    public JsonObject update(@PathParam("name") String name, JsonObject json) {
        return JsonViews.group(groups.update(name, strings(body(json), "members")));
    }

    @DELETE
    @Path("{name}")
    public Response delete(@PathParam("name") String name) {
        groups.delete(name);
        return Response.noContent().build();
    }
}

package com.shellguard.api;

import static com.shellguard.api.JsonFields.body;
import static com.shellguard.api.JsonFields.string;

import com.shellguard.access.AccessApprover;
import com.shellguard.access.AccessApprovers;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The group that decides access requests for a label's servers ({@code *}: every server): {@code {"label","group"}}. */
@Path("access-approvers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccessApproversResource {

    @Inject
    AccessApprovers approvers;

    @GET
    public JsonArray list() {
        return JsonViews.list(approvers.list(), AccessApproversResource::view);
    }

    @GET
    @Path("{label}")
    public JsonObject get(@PathParam("label") String label) {
        return view(approvers.get(label));
    }

    @PUT
    @Path("{label}")
    public JsonObject set(@PathParam("label") String label, JsonObject json) {
        return view(approvers.set(label, string(body(json), "group")));
    }

    @DELETE
    @Path("{label}")
    public Response delete(@PathParam("label") String label) {
        approvers.delete(label);
        return Response.noContent().build();
    }

    private static JsonObject view(AccessApprover a) {
        return Json.createObjectBuilder().add("label", a.getLabel()).add("group", a.getGroup()).build();
    }
}

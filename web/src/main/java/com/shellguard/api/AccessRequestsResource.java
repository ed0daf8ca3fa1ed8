package com.shellguard.api;

import static com.shellguard.api.JsonFields.body;
import static com.shellguard.api.JsonFields.string;

import com.shellguard.access.AccessAsked;
import com.shellguard.access.AccessRequest;
import com.shellguard.access.AccessRequestJson;
import com.shellguard.access.AccessRequestService;
import com.shellguard.auth.ApiCaller;
import com.shellguard.common.ValidationException;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/**
 * Just-in-time access over the API, open to every account (the access filter lets any role in here): a person files
 * {@code POST {"server" or "label","login","minutes","reason"}} and follows their own; an admin or an approver of the
 * request's label sees and decides it ({@code POST {id}/approve}, {@code {id}/deny}, optional {@code {"comment"}});
 * auditors see every request; the person withdraws their own pending one ({@code POST {id}/withdraw}). A request the
 * caller may not see is a 404, one they may not decide (or withdraw) a 403.
 */
@Path("access-requests")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccessRequestsResource {

    @Inject
    AccessRequestService requests;

    @POST
    public Response create(JsonObject json, @Context SecurityContext security) {
        JsonObject o = body(json);
        AccessRequest created = requests.request(caller(security).name(), new AccessAsked(string(o, "server"),
                string(o, "label"), string(o, "login"), minutes(o), string(o, "reason"), "api"));
        return Response.status(Response.Status.CREATED).entity(view(created)).build();
    }

    @GET
    public JsonArray list(@QueryParam("state") String state, @QueryParam("user") String user,
                          @QueryParam("mine") String mine, @Context SecurityContext security) {
        ApiCaller caller = caller(security);
        Boolean onlyMine = QueryParameters.flag("mine", mine);
        JsonArrayBuilder b = Json.createArrayBuilder();
        requests.list(caller.name(), caller.role(), QueryParameters.constant("state", state, AccessRequest.State.class),
                user == null || user.isBlank() ? null : user, Boolean.TRUE.equals(onlyMine))
                .forEach(r -> b.add(AccessRequestJson.of(r)));
        return b.build();
    }

    @GET
    @Path("{id}")
    public JsonObject get(@PathParam("id") String id, @Context SecurityContext security) {
        ApiCaller caller = caller(security);
        return view(requests.get(id, caller.name(), caller.role()));
    }

    @POST
    @Path("{id}/approve")
    public JsonObject approve(@PathParam("id") String id, JsonObject json, @Context SecurityContext security) {
        ApiCaller caller = caller(security);
        return view(requests.approve(id, caller.name(), caller.role(), comment(json)));
    }

    @POST
    @Path("{id}/deny")
    public JsonObject deny(@PathParam("id") String id, JsonObject json, @Context SecurityContext security) {
        ApiCaller caller = caller(security);
        return view(requests.deny(id, caller.name(), caller.role(), comment(json)));
    }

    @POST
    @Path("{id}/withdraw")
    public JsonObject withdraw(@PathParam("id") String id, @Context SecurityContext security) {
        ApiCaller caller = caller(security);
        return view(requests.withdraw(id, caller.name(), caller.role()));
    }

    private JsonObject view(AccessRequest request) {
        return AccessRequestJson.withEvents(request, requests.events(request.getId()));
    }

    private static ApiCaller caller(SecurityContext security) {
        return (ApiCaller) security.getUserPrincipal();
    }

    private static String comment(JsonObject json) {
        return json == null ? null : string(json, "comment");
    }

    private static Double minutes(JsonObject o) {
        JsonValue v = o.get("minutes");
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v instanceof JsonNumber n) {
            return n.doubleValue();
        }
        throw new ValidationException("minutes must be a number");
    }
}

package com.shellguard.api;

import static com.shellguard.api.JsonFields.body;
import static com.shellguard.api.JsonFields.enumValue;

import com.shellguard.command.rule.CommandDefaultService;
import com.shellguard.command.rule.DefaultMode;
import com.shellguard.command.rule.SupervisorMode;
import jakarta.inject.Inject;
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

/**
 * The default mode per server label ({@code *}: every server), and whether its servers' same-account sessions run
 * under the supervisor ({@code on} when absent); PUT creates or replaces.
 */
@Path("command-defaults")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CommandDefaultsResource {

    @Inject
    CommandDefaultService defaults;

    @GET
    public JsonArray list() {
        return JsonViews.list(defaults.list(), JsonViews::commandDefault);
    }

    @GET
    @Path("{label}")
    public JsonObject get(@PathParam("label") String label) {
        return JsonViews.commandDefault(defaults.get(label));
    }

    @PUT
    @Path("{label}")
    public JsonObject put(@PathParam("label") String label, JsonObject json) {
        JsonObject body = body(json);
        return JsonViews.commandDefault(defaults.put(label, enumValue(body, "mode", DefaultMode.class),
                enumValue(body, "supervisor", SupervisorMode.class)));
    }

    @DELETE
    @Path("{label}")
    public Response delete(@PathParam("label") String label) {
        defaults.delete(label);
        return Response.noContent().build();
    }
}
